package dev.spindle.sim;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;

/**
 * Watches a stream output of the design and applies random back-pressure: each cycle {@code ready} is low with
 * probability {@code backPressure}. Every word that fires is recorded with its cycle and passed to the listener.
 */
public final class StreamMonitor implements Agent {
    /** A word that left the design, and the cycle it fired in. */
    public record Beat(BigInteger word, long cycle) {}

    private final SimPort valid;
    private final SimPort ready;
    private final PayloadPorts payload;
    private final Random random;
    private final double backPressure;
    private final List<Beat> received = new ArrayList<>();
    private BiConsumer<BigInteger, Long> listener = (w, c) -> { };

    public StreamMonitor(Sim<?> sim, Stream<? extends Data> stream, Random random, double backPressure) {
        if (!(backPressure >= 0 && backPressure < 1)) {
            throw new IllegalArgumentException("backPressure = " + backPressure + " is out of range: allowed 0 <= p < 1");
        }
        this.valid = sim.out(StreamDriver.portName(stream.valid));
        this.ready = sim.in(StreamDriver.portName(stream.ready));
        this.payload = new PayloadPorts(sim, stream.payload);
        this.random = random;
        this.backPressure = backPressure;
        ready.setRaw(0);
        sim.add(this);
    }

    /** Called for every word as it fires (e.g. {@code scoreboard::actual}). */
    public StreamMonitor onWord(BiConsumer<BigInteger, Long> listener) {
        this.listener = listener;
        return this;
    }

    public List<Beat> received() { return received; }

    @Override
    public void drive(long cycle) { ready.setRaw(random.nextDouble() >= backPressure ? 1 : 0); }

    @Override
    public void sample(long cycle) {
        if (valid.raw() != 0 && ready.raw() != 0) {
            BigInteger w = payload.get();
            received.add(new Beat(w, cycle));
            listener.accept(w, cycle);
        }
    }
}
