package dev.spindle.sim;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.util.List;
import java.util.Random;

/**
 * Watches a stream output of the design ({@code dut.io.output}), applies random back-pressure (ready low with
 * probability {@code backPressure} each cycle, drawn from the test's seeded {@code Random}) and checks the AXI rules
 * on it: valid held until the word fires, payload stable while stalled; a broken rule fails the test with the cycle,
 * the stream's name and the seed. Every word that fires is decoded by a {@link Codec} derived from the payload type
 * and passed to the listener ({@code scoreboard::actual}).
 */
public final class StreamMonitor<V> implements Agent {
    private final StreamPorts<V> ports;
    private final Random random;
    private final double backPressure;
    private StreamProtocol protocol;
    private final Fires<V> fires;
    private boolean ready;

    /** A monitor with the codec derived from the payload's type ({@link Codec#of}). */
    public static <V> StreamMonitor<V> on(Sim<?> sim, Stream<? extends Data> stream, Random random, double backPressure) {
        return new StreamMonitor<>(sim, stream, Codec.of(stream.payload), random, backPressure);
    }

    public StreamMonitor(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, double backPressure) {
        if (!(backPressure >= 0 && backPressure < 1)) {
            throw new IllegalArgumentException("backPressure = " + backPressure + " is out of range: allowed 0 <= p < 1");
        }
        this.ports = new StreamPorts<>(sim, stream, codec);
        this.protocol = new StreamProtocol(ports, random);
        this.random = random;
        this.backPressure = backPressure;
        this.fires = new Fires<>(ports.name);
        ports.ready.setRaw(0);
        sim.add(this);
    }

    /** Called for every word as it fires. */
    public StreamMonitor<V> onBeat(Beat.Listener<V> listener) {
        fires.listen(listener);
        return this;
    }

    /** Checks every word against {@code board}, in order. */
    public StreamMonitor<V> checkWith(Scoreboard<V> board) { return onBeat(board::actual); }

    /** Keeps every word that fires, with its cycle, for {@link #received()}. */
    public StreamMonitor<V> record() {
        fires.record();
        return this;
    }

    /** The words that fired so far (after {@link #record()}). */
    public List<Beat<V>> received() { return fires.log("received"); }

    /**
     * Turns the protocol check off, for a stream whose valid follows a condition by design (SpinalHDL's
     * {@code haltWhen}, an arbiter without a lock); {@code why} says so in the test.
     */
    public StreamMonitor<V> withoutProtocolCheck(String why) {
        if (why == null || why.isBlank()) throw new IllegalArgumentException("why: say why the stream rules do not hold");
        protocol = null;
        return this;
    }

    /** The payload's codec (e.g. for {@link Codec#random} stimulus). */
    public Codec<V> codec() { return ports.codec; }

    /** The stream's name (its port prefix, {@code io_output}). */
    public String name() { return ports.name; }

    /** Words that fired so far. */
    public long fired() { return fires.count(); }

    /** The cycle the first word fired in, or -1. */
    public long firstFire() { return fires.first(); }

    /** The cycle the latest word fired in, or -1. */
    public long lastFire() { return fires.last(); }

    @Override
    public void drive(long cycle) {
        boolean r = backPressure == 0 || random.nextDouble() >= backPressure;
        if (r != ready) {
            ports.ready.setRaw(r ? 1 : 0);
            ready = r;
        }
    }

    @Override
    public void sample(long cycle) {
        boolean valid = ports.valid.raw() != 0;
        if (protocol != null) protocol.observe(valid, ready, cycle);
        if (valid && ready) {
            if (fires.wanted()) fires.fired(ports.read(), cycle);
            else fires.counted(cycle);
        }
    }
}
