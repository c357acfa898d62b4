package dev.spindle.sim.bench;

import dev.spindle.design.Design;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.sim.Sim;

import java.util.Random;

/** A testbench for a design without rows: it runs {@code --cycles} cycles, and a dump request is an error. */
abstract class FreeRunningBench<C extends Record, T extends ConfiguredComponent<C>> implements Testbench<C, T> {
    private final Design<C, T> design;

    FreeRunningBench(Design<C, T> design) { this.design = design; }

    @Override public final Design<C, T> design() { return design; }

    @Override
    public final Measures run(Sim<T> sim, Random random, Options options) {
        options.requireNoDump();
        return run(sim, random, options.cycles());
    }

    /** Drives {@code cycles} cycles of random stimulus, every output checked against the model. */
    abstract Measures run(Sim<T> sim, Random random, long cycles);
}
