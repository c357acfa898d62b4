package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.SourceLoc;

import java.math.BigInteger;

/** Two's complement signed integer: {@link IntVector}'s arithmetic and width rules, extension with the sign bit. */
public final class SInt extends IntVector<SInt> {
    SInt(Node node) { super(node); }

    public static HardType<SInt> type(int width) { return () -> new SInt(Elaboration.current().newSignal(width)); }

    public static SInt lit(long value, int width) { return lit(BigInteger.valueOf(value), width); }

    public static SInt lit(BigInteger value, int width) {
        BigInteger half = BigInteger.ONE.shiftLeft(width - 1);
        if (value.compareTo(half.negate()) < 0 || value.compareTo(half) >= 0) {
            throw new IllegalArgumentException("SInt literal " + value + " does not fit in " + width + " bits (allowed -2^" + (width - 1)
                    + " to 2^" + (width - 1) + " - 1) at " + Sites.loc());
        }
        return new SInt(Build.lit(value, width));
    }

    @Override SInt wrap(Node n) { return new SInt(n); }

    @Override Node extend(Node n, int width) { return Build.sext(n, width); }

    @Override boolean signed() { return true; }

    @Override public SInt resize(int width) { return new SInt(Build.resizeSigned(node(), width)); }

    /** Negation keeping the width (the most negative value wraps to itself). */
    public SInt neg() { return new SInt(op(OpKind.NEG, width(), node())); }

    /** The magnitude as a UInt of the same width (the most negative value's magnitude fits). */
    public UInt abs() { return Hdl.mux(isNegative(), neg(), this).asUInt(); }

    /**
     * Division truncating toward zero (as Java's {@code /}); width of the dividend. Division by zero gives 0; the most
     * negative value divided by -1 wraps to itself (as in Java).
     */
    public SInt div(SInt b) {
        int w = Math.max(width(), b.width());
        SInt a = resize(w);
        SInt d = b.resize(w);
        UInt q = a.abs().div(d.abs());
        return Hdl.mux(a.isNegative().xor(d.isNegative()), q.asSInt().neg(), q.asSInt()).resize(width());
    }

    /** Remainder of {@link #div}, with the dividend's sign (as Java's {@code %}); width of the divisor. {@code a mod 0} is 0. */
    public SInt mod(SInt b) {
        int w = Math.max(width(), b.width());
        SInt a = resize(w);
        UInt r = a.abs().mod(b.resize(w).abs());
        return Hdl.mux(a.isNegative(), r.asSInt().neg(), r.asSInt()).resize(b.width());
    }

    /** Arithmetic shift right by a constant, keeping the width. */
    public SInt sra(int n) { return shiftConst(OpKind.SRA_CONST, n); }

    /** Arithmetic shift right by a UInt amount, keeping the width. */
    public SInt sra(UInt amount) { return shift(OpKind.SRA, OpKind.SRA_CONST, amount); }

    public Bool isNegative() { return msb(); }
}
