package dev.spindle.sim.bench;

import dev.spindle.design.Design;
import dev.spindle.design.DesignProvider;

import java.util.List;

/** Attaches the built-in testbenches to the built-in designs ({@code META-INF/services} of the {@code sim} module). */
public final class BuiltinTestbenches implements DesignProvider {
    @Override
    public List<Design.Attachment<?, ?>> attachments() { return List.of(new CounterBench(), new FifoBench(), new SoftmaxBench()); }
}
