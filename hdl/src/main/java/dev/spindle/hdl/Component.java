package dev.spindle.hdl;

import dev.spindle.hdl.ir.ComponentNode;

/**
 * A hardware module. Build it in the constructor: declare {@code io} (a {@link Bundle} in a field named
 * {@code io}), registers and wires in fields (their names become the Verilog names), sub-components with
 * {@code child(() -> new X(...))}. Create the top with {@link Spindle#elaborate}. A component built from a
 * configuration record extends {@link ConfiguredComponent}, which keeps the record typed.
 */
public abstract class Component extends Hdl {
    private final ComponentNode node;

    protected Component() {
        node = Elaboration.current().enterComponent(this);
    }

    /** The netlist node of this instance. */
    public final ComponentNode node() { return node; }
}
