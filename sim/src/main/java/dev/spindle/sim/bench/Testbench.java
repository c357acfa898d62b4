package dev.spindle.sim.bench;

import dev.spindle.hdl.Component;
import dev.spindle.sim.Sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A design's built-in testbench for {@code spindle sim}: random stimulus (with random gaps and back-pressure on
 * streams) checked against the golden model. Mismatches are counted, not thrown, so the command reports them all.
 */
public interface Testbench {
    /** How long to run: {@code cycles} for free-running designs, {@code rows} for row-based ones; an optional dump. */
    record Options(long cycles, long rows, Path dump) {
        public Options {
            if (cycles < 1) throw new IllegalArgumentException("cycles = " + cycles + " is out of range: allowed 1 or more");
            if (rows < 1) throw new IllegalArgumentException("rows = " + rows + " is out of range: allowed 1 or more");
        }

        /** For designs without rows, a dump request is an error rather than silently ignored. */
        public void requireNoDump() {
            if (dump != null) throw new IllegalArgumentException("--dump is supported for row designs (softmax) only");
        }
    }

    /** What a run found; {@code report} holds design-specific lines (e.g. the error against a float reference). */
    record Result(long cycles, long checked, long mismatches, String firstMismatch, List<String> report) {}

    Result run(Sim<? extends Component> sim, Random random, Options options);
}
