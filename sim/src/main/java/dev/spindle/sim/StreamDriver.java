package dev.spindle.sim;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Random;

/**
 * Feeds typed values into a stream input of the design ({@code dut.io.input}), with random gaps: each cycle a new
 * word is offered with probability {@code 1 - gap}, drawn from the test's seeded {@code Random}; once offered it
 * stays valid and unchanged until it fires (the AXI rule, which the driver also checks on its own ports, so a test
 * that writes them by hand is caught). Values go through a {@link Codec} derived from the payload type:
 * {@code StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, dut.io.input, rnd, 0.2)}.
 */
public final class StreamDriver<V> extends StreamAgent<V, StreamDriver<V>> {
    private final ArrayDeque<V> queue = new ArrayDeque<>();
    private boolean offering;

    /** A driver with the codec derived from the payload's type ({@link Codec#of}). */
    public static <V> StreamDriver<V> on(Sim<?> sim, Stream<? extends Data> stream, Random random, double gap) {
        return new StreamDriver<>(sim, stream, Codec.of(stream.payload), random, gap);
    }

    public StreamDriver(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, double gap) {
        super(sim, stream, codec, random, Side.DRIVER, gap);
    }

    /** Queues a word; it is checked against the payload's shape now (type, length, range), naming the port. */
    public StreamDriver<V> push(V value) {
        ports.check(value);
        queue.add(value);
        return this;
    }

    public StreamDriver<V> pushAll(Iterable<? extends V> values) {
        for (V v : values) push(v);
        return this;
    }

    /** The words accepted by the design so far (after {@link #record()}). */
    public List<Beat<V>> sent() { return fires.log("sent"); }

    public boolean idle() { return queue.isEmpty() && !offering; }

    /** Words queued and not yet accepted. */
    public int pending() { return queue.size(); }

    @Override
    public void drive(long cycle) {
        if (!offering && !queue.isEmpty() && !holdsBack()) {
            ports.write(queue.peek());
            offering = true;
        }
        ports.valid.setRaw(offering ? 1 : 0);
    }

    @Override
    public void sample(long cycle) {
        boolean ready = ports.ready.raw() != 0;
        protocol.observe(ports.valid.raw() != 0, ready, cycle);
        if (offering && ready) {
            offering = false;
            fires.fired(queue.poll(), cycle);
        }
    }
}
