package dev.spindle.hdl;

import dev.spindle.hdl.check.DesignChecks;

import java.util.function.Supplier;

/** Entry point: {@code Spindle.elaborate(() -> new Counter(cfg))} builds, routes clocks and checks a design. */
public final class Spindle {
    private Spindle() {}

    public static <T extends Component> Elaborated<T> elaborate(Supplier<T> top) {
        Elaborated<T> design = Elaboration.run(top);
        DesignChecks.run(design.root(), design.domains());
        return design;
    }
}
