package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;

import java.util.function.Supplier;

/**
 * The designs of the simulation benchmark. {@code small} is where the call into the model dominates (target: Java at
 * half the C++ speed or better); {@code large} is a 16 x 16 MAC grid (256 multiply-accumulates fed by 32 inputs), where
 * the model's own work dominates (target 0.9); {@code lanes16} is the 16-lane MAC array, reported beside them: with
 * one MAC per input written, Java's port writes still show (about 0.78 of C++).
 */
public enum Design {
    SMALL("small", SmallDesign::new, SmallTestbench::open, 0.5),
    LARGE("large", MacGrid::new, () -> MacTestbench.open(MacGrid::new, d -> d.io), 0.9),
    LANES16("lanes16", MacArray::new, () -> MacTestbench.open(MacArray::new, d -> d.io), 0.75);

    private final String label;
    private final Supplier<? extends Component> top;
    private final Supplier<? extends Workload> testbench;
    private final double target;

    Design(String label, Supplier<? extends Component> top, Supplier<? extends Workload> testbench, double target) {
        this.label = label;
        this.top = top;
        this.testbench = testbench;
        this.target = target;
    }

    public String label() { return label; }

    public Supplier<? extends Component> top() { return top; }

    /** Elaborates, builds (or finds in the cache) and loads the design with its stimulus. */
    public Workload open() { return testbench.get(); }

    /** The least Java/C++ ratio aimed at. */
    public double target() { return target; }
}
