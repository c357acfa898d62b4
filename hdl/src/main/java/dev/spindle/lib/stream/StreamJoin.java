package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Vec;

import java.util.List;

import static dev.spindle.hdl.Hdl.typeOf;

/**
 * N streams to one, SpinalHDL's {@code StreamJoin}: the output is valid when every input is valid, and all inputs
 * fire together with it. Built in the current component (no sub-component). Latency 0, full throughput.
 */
public final class StreamJoin {
    private StreamJoin() {}

    /** All inputs' payloads side by side: payload element i is input i's payload. */
    public static <T extends Data> Stream<Vec<T>> vec(List<Stream<T>> inputs) {
        require(inputs);
        Stream<Vec<T>> out = new Stream<>(Vec.type(inputs.getFirst().payloadType(), inputs.size()));
        arbitrate(inputs, out);
        for (int i = 0; i < inputs.size(); i++) out.payload.get(i).assign(inputs.get(i).payload);
        return out;
    }

    /** The handshake of all inputs carrying {@code payload} (computed from their payloads): {@code arg(a, b).translateWith(...)}. */
    public static <R extends Data> Stream<R> arg(List<? extends Stream<?>> inputs, R payload) {
        require(inputs);
        Stream<R> out = new Stream<>(typeOf(payload));
        arbitrate(inputs, out);
        out.payload.assign(payload);
        return out;
    }

    private static void arbitrate(List<? extends Stream<?>> inputs, Stream<?> out) {
        DerivedName.after(inputs.getFirst(), "join", out);
        Bool all = inputs.getFirst().valid;
        for (int i = 1; i < inputs.size(); i++) all = all.and(inputs.get(i).valid);
        out.valid.assign(all);
        Bool fire = out.fire();
        for (Stream<?> in : inputs) in.ready.assign(fire);
    }

    private static void require(List<? extends Stream<?>> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("inputs: a join needs at least one stream");
    }
}
