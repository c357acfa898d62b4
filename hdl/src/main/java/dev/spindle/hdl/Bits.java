package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;

import java.math.BigInteger;

/** Raw bits: bitwise operators, shifts and slices, no arithmetic. */
public final class Bits extends BitVector<Bits> {
    Bits(Node node) { super(node); }

    public static HardType<Bits> type(int width) { return () -> new Bits(Elaboration.current().newSignal(width)); }

    public static Bits lit(long value, int width) { return new Bits(Build.lit(value, width)); }

    public static Bits lit(BigInteger value, int width) { return new Bits(Build.lit(value, width)); }

    @Override Bits wrap(Node n) { return new Bits(n); }

    @Override Node extend(Node n, int width) { return Build.zext(n, width); }

    @Override public Bits resize(int width) { return new Bits(Build.resizeUnsigned(node(), width)); }
}
