package dev.spindle.sim.bench;

import java.util.Optional;

/**
 * What a testbench run measured.
 *
 * @param cycles        clock cycles simulated
 * @param seconds       wall-clock time of the run
 * @param checked       outputs compared with the bit-exact model
 * @param mismatches    outputs that differed from it (or never came)
 * @param firstMismatch where the first one was, e.g. {@code row 3 element 7: expected 12 but got 13}
 * @param latency       cycles from an item's input beat firing to its output beat firing (stream designs)
 * @param throughput    outputs checked per cycle
 * @param error         the worst error against the float reference (designs that have one)
 */
public record Measures(long cycles, double seconds, long checked, long mismatches, Optional<String> firstMismatch,
                       Optional<Latency> latency, double throughput, Optional<ReferenceError> error) {

    /** Latency over the items measured, in cycles. */
    public record Latency(long min, double mean, long max, long items) {}

    /**
     * The largest {@code |model output - float reference|} over a run.
     *
     * @param subject what was compared, e.g. {@code softmax EXP_TABLE 500 rows}
     * @param maxAbs  the largest absolute error, in real units
     * @param lsb     the output's least significant bit, in real units
     * @param format  the output format, e.g. {@code u1.8}
     * @param bound   the stated error bound, in real units
     */
    public record ReferenceError(String subject, double maxAbs, double lsb, String format, double bound) {
        public double maxLsb() { return maxAbs / lsb; }

        public double boundLsb() { return bound / lsb; }
    }

    public double cyclesPerSecond() { return cycles / seconds; }

    public boolean passed() { return mismatches == 0; }
}
