package dev.spindle.sim.bench;

import java.util.Map;

/** The built-in testbench of each design {@code spindle sim} knows. */
public final class Testbenches {
    private static final Map<String, Testbench> ALL = Map.of("counter", new CounterBench(), "fifo", new FifoBench(), "softmax", new SoftmaxBench());

    private Testbenches() {}

    public static Testbench get(String design) {
        Testbench t = ALL.get(design);
        if (t == null) throw new IllegalArgumentException("design '" + design + "' has no built-in testbench: available for " + String.join(", ", ALL.keySet()));
        return t;
    }
}
