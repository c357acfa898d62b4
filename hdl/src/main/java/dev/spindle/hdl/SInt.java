package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;

import java.math.BigInteger;

/** Two's complement signed integer, with the same width rules as {@link UInt} and sign extension. */
public final class SInt extends BitVector<SInt> {
    SInt(Node node) { super(node); }

    public static HardType<SInt> type(int width) { return () -> new SInt(Elaboration.current().newSignal(width)); }

    public static SInt lit(long value, int width) {
        if (width < 64 && (value < -(1L << (width - 1)) || value >= (1L << (width - 1)))) {
            throw new IllegalArgumentException("SInt literal " + value + " does not fit in " + width + " bits");
        }
        return new SInt(Build.lit(BigInteger.valueOf(value), width));
    }

    @Override SInt wrap(Node n) { return new SInt(n); }

    @Override Node extend(Node n, int width) { return Build.sext(n, width); }

    @Override public SInt resize(int width) { return new SInt(Build.resizeSigned(node(), width)); }

    private SInt litSameWidth(long v) { return lit(v, width()); }

    public SInt add(SInt b) { return binary(OpKind.ADD, b); }

    public SInt add(long b) { return add(litSameWidth(b)); }

    public SInt sub(SInt b) { return binary(OpKind.SUB, b); }

    public SInt sub(long b) { return sub(litSameWidth(b)); }

    /** Add that cannot overflow: max(widths) + 1 bits. */
    public SInt addExpand(SInt b) {
        int w = Math.max(width(), b.width()) + 1;
        return new SInt(op(OpKind.ADD, w, extendTo(w), b.extendTo(w)));
    }

    /** Subtract that cannot overflow: max(widths) + 1 bits. */
    public SInt subExpand(SInt b) {
        int w = Math.max(width(), b.width()) + 1;
        return new SInt(op(OpKind.SUB, w, extendTo(w), b.extendTo(w)));
    }

    /** Full signed product: width = sum of widths. */
    public SInt mul(SInt b) {
        int w = width() + b.width();
        return new SInt(op(OpKind.MUL, w, extendTo(w), b.extendTo(w)));
    }

    /** Negation keeping the width (the most negative value wraps to itself). */
    public SInt neg() { return new SInt(op(OpKind.NEG, width(), node())); }

    public Bool lt(SInt b) { return compare(OpKind.LT_S, this, b); }

    public Bool le(SInt b) { return compare(OpKind.LE_S, this, b); }

    public Bool gt(SInt b) { return compare(OpKind.LT_S, b, this); }

    public Bool ge(SInt b) { return compare(OpKind.LE_S, b, this); }

    public Bool lt(long b) { return lt(litFitting(b)); }

    public Bool le(long b) { return le(litFitting(b)); }

    public Bool gt(long b) { return gt(litFitting(b)); }

    public Bool ge(long b) { return ge(litFitting(b)); }

    public Bool eq(long b) { return eq(litFitting(b)); }

    private SInt litFitting(long v) {
        int need = 65 - Long.numberOfLeadingZeros(v < 0 ? ~v : v);
        return lit(v, Math.max(width(), need));
    }

    /** Arithmetic shift right by a constant, keeping the width. */
    public SInt sra(int n) { return shiftConst(OpKind.SRA_CONST, n); }

    /** Arithmetic shift right by a UInt amount, keeping the width. */
    public SInt sra(UInt amount) { return shift(OpKind.SRA, OpKind.SRA_CONST, amount); }

    /** Shift left growing the width by n. */
    public SInt shl(int n) { return n == 0 ? this : new SInt(Hdl.cat(this, Bits.lit(0, n)).node()); }

    /** Arithmetic shift right dropping the n low bits (floor division by 2^n); width - n bits. */
    public SInt shr(int n) { return n == 0 ? this : bits(width() - 1, n); }

    public Bool isNegative() { return msb(); }
}
