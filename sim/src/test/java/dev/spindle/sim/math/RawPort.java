package dev.spindle.sim.math;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;

/**
 * A port of a math unit as a raw integer, whatever its Java type: SInt and SFix ports read sign-extended, UInt and
 * UFix ports unsigned, Bool ports as 0/1. The math units type a port by the configuration's signedness, so a test
 * running several configurations takes their ports through this one handle.
 */
final class RawPort {
    private final SimPort port;
    private final boolean signed;

    private RawPort(SimPort port, boolean signed) {
        this.port = port;
        this.signed = signed;
    }

    static RawPort of(Sim<?> sim, BaseType p) {
        return switch (p) {
            case SInt s -> new RawPort(sim.port(s), true);
            case SFix f -> new RawPort(sim.port(f.raw()), true);
            case UInt u -> new RawPort(sim.port(u), false);
            case UFix f -> new RawPort(sim.port(f.raw()), false);
            case Bool b -> new RawPort(sim.port(b), false);
            default -> throw new IllegalArgumentException("no raw handle for " + p);
        };
    }

    long get() {
        long v = port.raw();
        int w = port.width();
        return signed && w < 64 ? (v << (64 - w)) >> (64 - w) : v;
    }

    void set(long value) { port.setRaw(value); }

    void set(boolean value) { port.setRaw(value ? 1 : 0); }

    boolean bit() { return port.raw() != 0; }
}
