package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;

import java.math.BigInteger;

/**
 * Unsigned integer. Width rules follow SpinalHDL: {@code add/sub} keep the wider width and wrap,
 * {@code addExpand} grows by one bit, {@code mul} gives the sum of the widths, {@code shl(n)} grows and
 * {@code shr(n)} shrinks by n bits, {@code sll/srl} keep the width.
 */
public final class UInt extends BitVector<UInt> {
    UInt(Node node) { super(node); }

    public static HardType<UInt> type(int width) { return () -> new UInt(Elaboration.current().newSignal(width)); }

    public static UInt lit(long value, int width) {
        if (value < 0) throw new IllegalArgumentException("UInt literal must be >= 0, got " + value);
        return new UInt(Build.lit(value, width));
    }

    public static UInt lit(BigInteger value, int width) { return new UInt(Build.lit(value, width)); }

    /** A literal of the smallest width that holds it (at least 1 bit). */
    public static UInt lit(long value) { return lit(value, Math.max(1, 64 - Long.numberOfLeadingZeros(value))); }

    @Override UInt wrap(Node n) { return new UInt(n); }

    @Override Node extend(Node n, int width) { return Build.zext(n, width); }

    @Override public UInt resize(int width) { return new UInt(Build.resizeUnsigned(node(), width)); }

    private UInt litSameWidth(long v) { return lit(v, width()); }

    /** Wrapping add; result width = max(widths). */
    public UInt add(UInt b) { return binary(OpKind.ADD, b); }

    public UInt add(long b) { return add(litSameWidth(b)); }

    /** Wrapping subtract; result width = max(widths). */
    public UInt sub(UInt b) { return binary(OpKind.SUB, b); }

    public UInt sub(long b) { return sub(litSameWidth(b)); }

    /** Add with carry out: result width = max(widths) + 1 (SpinalHDL {@code +^}). */
    public UInt addExpand(UInt b) {
        int w = Math.max(width(), b.width()) + 1;
        return new UInt(op(OpKind.ADD, w, extendTo(w), b.extendTo(w)));
    }

    /** Saturating add: max(widths) bits, stuck at all ones on overflow (SpinalHDL {@code +|}). */
    public UInt addSat(UInt b) {
        UInt sum = addExpand(b);
        int w = sum.width() - 1;
        return Hdl.mux(sum.msb(), lit(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE), w), sum.bits(w - 1, 0));
    }

    /** Saturating subtract: stuck at zero on underflow (SpinalHDL {@code -|}). */
    public UInt subSat(UInt b) {
        int w = Math.max(width(), b.width());
        return Hdl.mux(lt(b), lit(0, w), sub(b));
    }

    /** Full product: width = sum of widths. */
    public UInt mul(UInt b) {
        int w = width() + b.width();
        return new UInt(op(OpKind.MUL, w, extendTo(w), b.extendTo(w)));
    }

    /**
     * Integer division, truncating; width of the dividend. Division by zero gives 0 (the backend emits the check, so
     * every simulator and the hardware agree). Costly in logic: prefer a reciprocal table in pipelines.
     */
    public UInt div(UInt b) { return divide(OpKind.DIV_U, b).resize(width()); }

    /** Remainder of {@link #div}; width of the divisor (the remainder is smaller than it). {@code a mod 0} is 0. */
    public UInt mod(UInt b) { return divide(OpKind.MOD_U, b).resize(b.width()); }

    /**
     * Quotient or remainder at max(widths) bits, zero when {@code b} is zero. Wider than 64 bits it is computed one
     * bit wider, so the dividend's top bit is clear: Icarus 11 returns 0 for a wider division by 1 otherwise.
     */
    private UInt divide(OpKind kind, UInt b) {
        int w = Math.max(width(), b.width());
        if (b.node() instanceof dev.spindle.hdl.ir.Const c && c.value().signum() == 0) return lit(0, w);
        int cw = w > 64 ? w + 1 : w;
        UInt result = new UInt(op(kind, cw, extendTo(cw), b.extendTo(cw)));
        if (cw != w) result = result.bits(w - 1, 0);
        if (b.node() instanceof dev.spindle.hdl.ir.Const) return result;
        return Hdl.mux(b.eq(lit(0, b.width())), lit(0, w), result);
    }

    public Bool lt(UInt b) { return compare(OpKind.LT_U, this, b); }

    public Bool le(UInt b) { return compare(OpKind.LE_U, this, b); }

    public Bool gt(UInt b) { return compare(OpKind.LT_U, b, this); }

    public Bool ge(UInt b) { return compare(OpKind.LE_U, b, this); }

    public Bool eq(long b) { return eq(litFitting(b)); }

    public Bool ne(long b) { return ne(litFitting(b)); }

    public Bool lt(long b) { return lt(litFitting(b)); }

    public Bool le(long b) { return le(litFitting(b)); }

    public Bool gt(long b) { return gt(litFitting(b)); }

    public Bool ge(long b) { return ge(litFitting(b)); }

    private UInt litFitting(long v) { return lit(v, Math.max(width(), lit(v).width())); }

    /** Shift left growing the width by n (SpinalHDL {@code <<}). */
    public UInt shl(int n) { return n == 0 ? this : new UInt(Hdl.cat(this, Bits.lit(0, n)).node()); }

    /** Shift right dropping the n low bits (SpinalHDL {@code >>}); width - n bits. */
    public UInt shr(int n) { return n == 0 ? this : bits(width() - 1, n); }

    /** Zero-extends by one bit and reinterprets as signed: the same value as an SInt. */
    public SInt toSInt() { return new SInt(Build.zext(node(), width() + 1)); }
}
