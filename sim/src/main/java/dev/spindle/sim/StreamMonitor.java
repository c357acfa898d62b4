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
 * and passed to the listener, or compared in place with a scoreboard's next expected word ({@link #checkWith}).
 */
public final class StreamMonitor<V> extends StreamAgent<V, StreamMonitor<V>> {
    private Scoreboard<V> board;
    private boolean ready;

    /** A monitor with the codec derived from the payload's type ({@link Codec#of}). */
    public static <V> StreamMonitor<V> on(Sim<?> sim, Stream<? extends Data> stream, Random random, double backPressure) {
        return new StreamMonitor<>(sim, stream, Codec.of(stream.payload), random, backPressure);
    }

    public StreamMonitor(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, double backPressure) {
        super(sim, stream, codec, random, Side.MONITOR, backPressure);
    }

    /**
     * Checks every word against {@code board}, in order. The ports are compared with the expected word where they
     * are (primitive compares, nothing decoded or allocated); a word is decoded only for a mismatch's message, or
     * when a listener or the log also wants it.
     */
    public StreamMonitor<V> checkWith(Scoreboard<V> board) {
        this.board = board;
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

    /** The cycle the latest word fired in, or -1. */
    public long lastFire() { return fires.last(); }

    @Override
    public void drive(long cycle) {
        boolean r = !holdsBack();
        if (r != ready) {
            ports.ready.setRaw(r ? 1 : 0);
            ready = r;
        }
    }

    @Override
    public void sample(long cycle) {
        boolean valid = ports.valid.raw() != 0;
        if (protocol != null) protocol.observe(valid, ready, cycle);
        if (!(valid && ready)) return;
        if (fires.wanted()) {
            V value = ports.read();
            if (board != null) board.actual(value, cycle);
            fires.fired(value, cycle);
        } else {
            if (board != null) board.actualAt(ports, cycle);
            fires.counted(cycle);
        }
    }
}
