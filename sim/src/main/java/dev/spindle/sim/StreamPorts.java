package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.util.List;

/**
 * The top-level ports of one stream, taken from the component's own {@code Stream} field (never by name): valid,
 * ready, and the payload's leaves in {@code flatten} order, bound to a {@link Codec} of the payload's shape.
 */
final class StreamPorts<V> {
    final String name;
    final SimPort valid;
    final SimPort ready;
    final SimPort[] payload;
    final Codec<V> codec;

    StreamPorts(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec) {
        this.valid = sim.port(stream.valid);
        this.ready = sim.port(stream.ready);
        List<BaseType> leaves = stream.payload.flatten();
        this.payload = new SimPort[leaves.size()];
        for (int i = 0; i < payload.length; i++) payload[i] = sim.port(leaves.get(i));
        String v = valid.name();
        this.name = v.endsWith("_valid") ? v.substring(0, v.length() - "_valid".length()) : v;
        int[] widths = Codec.widthsOf(stream.payload);
        if (!java.util.Arrays.equals(widths, codec.widths())) {
            throw new IllegalArgumentException(name + ": the codec " + codec.type() + " is for leaves of "
                    + java.util.Arrays.toString(codec.widths()) + " bits, the payload has " + java.util.Arrays.toString(widths));
        }
        this.codec = codec;
    }

    void check(Object value) { codec.check(value, payload, 0); }

    void write(V value) { codec.write(value, payload, 0); }

    V read() { return codec.read(payload, 0); }
}
