package dev.spindle.sim.bench;

import dev.spindle.hdl.Component;
import dev.spindle.sim.Sim;

import java.util.Random;

/**
 * A design's built-in testbench for {@code spindle sim}: random stimulus (with random gaps and back-pressure on
 * streams) checked against the golden model for a number of cycles. Mismatches are counted, not thrown, so the
 * command can report them all.
 */
public interface Testbench {
    /** What a run found. */
    record Result(long cycles, long checked, long mismatches, String firstMismatch) {}

    Result run(Sim<? extends Component> sim, Random random, long cycles);
}
