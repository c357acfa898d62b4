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
public final class StreamDriver<V> implements Agent {
    private final StreamPorts<V> ports;
    private final StreamProtocol protocol;
    private final Random random;
    private final double gap;
    private final ArrayDeque<V> queue = new ArrayDeque<>();
    private final Fires<V> fires;
    private boolean offering;

    /** A driver with the codec derived from the payload's type ({@link Codec#of}). */
    public static <V> StreamDriver<V> on(Sim<?> sim, Stream<? extends Data> stream, Random random, double gap) {
        return new StreamDriver<>(sim, stream, Codec.of(stream.payload), random, gap);
    }

    public StreamDriver(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, double gap) {
        if (!(gap >= 0 && gap < 1)) throw new IllegalArgumentException("gap = " + gap + " is out of range: allowed 0 <= gap < 1");
        this.ports = new StreamPorts<>(sim, stream, codec);
        this.protocol = new StreamProtocol(ports, random);
        this.random = random;
        this.gap = gap;
        this.fires = new Fires<>(ports.name);
        ports.valid.setRaw(0);
        sim.add(this);
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

    /** Called with every word as it fires. */
    public StreamDriver<V> onBeat(Beat.Listener<V> listener) {
        fires.listen(listener);
        return this;
    }

    /** Keeps every word that fires, with its cycle, for {@link #sent()}. */
    public StreamDriver<V> record() {
        fires.record();
        return this;
    }

    /** The words accepted by the design so far (after {@link #record()}). */
    public List<Beat<V>> sent() { return fires.log("sent"); }

    /** The payload's codec (e.g. for {@link Codec#random} stimulus). */
    public Codec<V> codec() { return ports.codec; }

    /** The stream's name (its port prefix, {@code io_input}). */
    public String name() { return ports.name; }

    public boolean idle() { return queue.isEmpty() && !offering; }

    /** Words queued and not yet accepted. */
    public int pending() { return queue.size(); }

    /** Words accepted by the design so far. */
    public long fired() { return fires.count(); }

    /** The cycle the first word fired in, or -1. */
    public long firstFire() { return fires.first(); }

    @Override
    public void drive(long cycle) {
        if (!offering && !queue.isEmpty() && (gap == 0 || random.nextDouble() >= gap)) {
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
