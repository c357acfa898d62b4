package dev.spindle.sim.bench;

import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.sim.Sim;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A design's built-in testbench for {@code spindle sim} and {@code spindle demo}: random stimulus (with random gaps
 * and back-pressure on streams) checked against the golden model, returning typed {@link Measures}. Mismatches are
 * counted, not thrown, so a run reports them all. It is attached to its {@link Design} entry: list it in a
 * {@link dev.spindle.design.DesignProvider}'s {@code attachments()} (the built-in ones: {@link BuiltinTestbenches}).
 */
public interface Testbench<C extends Record, T extends ConfiguredComponent<C>> extends Design.Attachment<C, T> {
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

    /** Runs the stimulus on an open simulation of the design ({@code sim.dut().config()} is its configuration). */
    Measures run(Sim<T> sim, Random random, Options options);

    /** The testbench attached to {@code design}, if it has one. */
    static <C extends Record, T extends ConfiguredComponent<C>> Optional<Testbench<C, T>> of(Design<C, T> design) {
        for (Design.Attachment<C, T> a : Designs.attachments(design)) {
            if (a instanceof Testbench<C, T> bench) return Optional.of(bench);
        }
        return Optional.empty();
    }

    /** The testbench of {@code design}; a design without one is an error that lists those that have one. */
    static <C extends Record, T extends ConfiguredComponent<C>> Testbench<C, T> require(Design<C, T> design) {
        return of(design).orElseThrow(() -> new IllegalArgumentException("design '" + design.name()
                + "' has no built-in testbench: available for " + String.join(", ", withTestbench())));
    }

    /** The names of the registered designs that have a testbench. */
    static List<String> withTestbench() {
        return Designs.all().stream().filter(d -> of(d).isPresent()).map(Design::name).toList();
    }

    /**
     * Elaborates {@code design} for {@code config}, simulates it (Verilator, in-process; an FST to {@code waves}
     * unless null) under its testbench and closes the simulation: what {@code spindle sim} does.
     */
    static <C extends Record, T extends ConfiguredComponent<C>> Measures simulate(Design<C, T> design, C config,
                                                                                  Random random, Options options, Path waves) {
        Testbench<C, T> bench = require(design);
        try (Sim<T> sim = Sim.of(design.elaborate(config), waves)) {
            return bench.run(sim, random, options);
        }
    }
}
