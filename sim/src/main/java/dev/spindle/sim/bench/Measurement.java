package dev.spindle.sim.bench;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Collects a run's {@link Measures} as a testbench goes: comparisons with the bit-exact model, latencies, the
 * reference error. The clock starts when it is created, so create it once the simulation is set up.
 */
public final class Measurement {
    private final long startNanos = System.nanoTime();
    private long checked;
    private long mismatches;
    private String first;
    private long latencies;
    private long latencySum;
    private long latencyMin = Long.MAX_VALUE;
    private long latencyMax;
    private Measures.ReferenceError error;

    /** One output compared with the model; {@code where} describes it for the first mismatch. */
    public void compare(long expected, long got, Supplier<String> where) {
        checked++;
        if (got != expected) mismatch(where.get() + ": expected " + expected + " but got " + got);
    }

    /** One output compared with the model by {@code equals}. */
    public void compare(Object expected, Object got, Supplier<String> where) {
        checked++;
        if (!java.util.Objects.equals(expected, got)) mismatch(where.get() + ": expected " + expected + " but got " + got);
    }

    /** {@code count} expected outputs that never came. */
    public void missing(long count, String why) {
        if (count <= 0) return;
        mismatches += count - 1;
        mismatch(why);
    }

    private void mismatch(String description) {
        mismatches++;
        if (first == null) first = description;
    }

    /** The latency of one item, in cycles. */
    public void latency(long cycles) {
        latencies++;
        latencySum += cycles;
        latencyMin = Math.min(latencyMin, cycles);
        latencyMax = Math.max(latencyMax, cycles);
    }

    public void error(Measures.ReferenceError referenceError) { this.error = referenceError; }

    public Measures done(long cycles) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Optional<Measures.Latency> latency = latencies == 0 ? Optional.empty()
                : Optional.of(new Measures.Latency(latencyMin, (double) latencySum / latencies, latencyMax, latencies));
        return new Measures(cycles, seconds, checked, mismatches, Optional.ofNullable(first), latency,
                cycles == 0 ? 0 : (double) checked / cycles, Optional.ofNullable(error));
    }
}
