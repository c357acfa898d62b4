package dev.spindle.sim;

import dev.spindle.sim.verilator.Port;

import java.math.BigInteger;

/**
 * A typed handle on a top-level port, read and written in the model's memory. Reading an output after an
 * input changed evaluates the model first, so combinational paths are always settled.
 */
public sealed class SimPort permits SimPort.BoolPort, SimPort.UIntPort, SimPort.SIntPort, SimPort.FixPort {
    final Sim<?> sim;
    final Port port;
    private final boolean output;

    SimPort(Sim<?> sim, Port port) {
        this.sim = sim;
        this.port = port;
        this.output = port.direction() == dev.spindle.sim.verilator.PortSpec.Direction.OUT;
    }

    public String name() { return port.name(); }

    public int width() { return port.width(); }

    /** The unsigned bit pattern (ports up to 64 bits). */
    public long raw() { return settled().get(); }

    public void setRaw(long bits) { changing().set(bits); }

    public BigInteger big() { return settled().getBig(); }

    public void setBig(BigInteger value) { changing().setBig(value); }

    /**
     * Word {@code index} (32 bits, least significant first) of a port of any width; unlike {@link #big()} it
     * allocates nothing, so a loop over a wide port costs no garbage.
     */
    public int word(int index) { return settled().getWord(index); }

    /** Sets word {@code index} of an input of any width; bits above the width are dropped. */
    public void setWord(int index, int value) { changing().setWord(index, value); }

    /** The port to read, the model evaluated first when it is an output and an input changed since. */
    private Port settled() {
        if (output) sim.settle();
        return port;
    }

    /** The port to write, the simulation told that its inputs change (it evaluates before the next read or edge). */
    private Port changing() {
        sim.inputsChanged();
        return port;
    }

    /** Number of 32-bit words ({@link #word}, {@link #setWord}). */
    public int words() { return port.words(); }

    @Override public String toString() { return name() + "[" + width() + "]"; }

    /** A 1-bit port. */
    public static final class BoolPort extends SimPort {
        BoolPort(Sim<?> sim, Port port) { super(sim, port); }

        public boolean get() { return raw() != 0; }

        public void set(boolean value) { setRaw(value ? 1 : 0); }
    }

    /** An unsigned port (UInt or Bits). */
    public static final class UIntPort extends SimPort {
        UIntPort(Sim<?> sim, Port port) { super(sim, port); }

        public long get() { return raw(); }

        public void set(long value) { setRaw(value); }
    }

    /** A two's complement port: values are sign-extended when read. */
    public static final class SIntPort extends SimPort {
        SIntPort(Sim<?> sim, Port port) { super(sim, port); }

        public long get() {
            int w = width();
            long v = raw();
            return w >= 64 ? v : (v << (64 - w)) >> (64 - w);
        }

        public void set(long value) { setRaw(value); }
    }

    /** A fixed-point port: raw integer access and real values through the format. */
    public static final class FixPort extends SimPort {
        private final dev.spindle.hdl.FixFormat format;

        FixPort(Sim<?> sim, Port port, dev.spindle.hdl.FixFormat format) {
            super(sim, port);
            this.format = format;
        }

        public dev.spindle.hdl.FixFormat format() { return format; }

        /** The raw value, sign-extended when the format is signed. */
        public long getRaw() {
            int w = width();
            long v = raw();
            return format.signed() && w < 64 ? (v << (64 - w)) >> (64 - w) : v;
        }

        public double get() { return format.toDouble(getRaw()); }

        /** Sets the nearest representable value (saturated to the format's range). */
        public void set(double value) { setRaw(format.fromDouble(value)); }
    }
}
