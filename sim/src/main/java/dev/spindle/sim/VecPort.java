package dev.spindle.sim;

import dev.spindle.sim.verilator.Port;
import dev.spindle.sim.verilator.PortRun;

import java.util.List;

/**
 * A typed handle on a Vec port of the top ({@code sim.port(io.lanes)}): element {@code k} is read and written in
 * the model's memory like a {@link SimPort}. When Verilator stores the elements side by side (it does for a Vec of
 * one width) one base address serves them all, so a loop over the lanes costs about what the C++ member stores
 * cost; otherwise each element goes through its own port. SInt elements are sign-extended when read.
 */
public final class VecPort {
    private final Sim<?> sim;
    private final Port[] ports;
    private final PortRun run;
    private final boolean output;
    private final boolean signed;
    private final int width;

    VecPort(Sim<?> sim, List<Port> ports, boolean signed) {
        this.sim = sim;
        this.ports = ports.toArray(new Port[0]);
        this.run = sim.model().run(ports);
        this.output = this.ports[0].direction() == dev.spindle.sim.verilator.PortSpec.Direction.OUT;
        this.signed = signed;
        this.width = this.ports[0].width();
    }

    public int size() { return ports.length; }

    public int width() { return width; }

    /** Element {@code k}: unsigned, or sign-extended for SInt elements. */
    public long get(int k) {
        if (output) sim.settle();
        long v = run != null ? run.get(k) : ports[k].get();
        return signed && width < 64 ? (v << (64 - width)) >> (64 - width) : v;
    }

    /** Drives element {@code k}; the value is truncated to the width. */
    public void set(int k, long value) {
        if (run != null) run.set(k, value);
        else ports[k].set(value);
        sim.inputsChanged();
    }

    /** The handle of element {@code k} as a port (its name, for C++ loops and messages). */
    public Port port(int k) { return ports[k]; }
}
