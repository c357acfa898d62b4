package dev.spindle.hdl;

import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.SourceLoc;

import java.math.BigInteger;

/**
 * What UInt and SInt share: arithmetic whose width rules follow SpinalHDL ({@code add/sub} keep the wider width
 * and wrap, {@code addExpand/subExpand} grow by one bit, {@code mul} gives the sum of the widths, {@code shl(n)}
 * grows and {@code shr(n)} shrinks by n bits) and comparisons, with or without a sign. A {@code long} operand is a
 * literal of this type; one that does not fit is an error naming this value and the Java line.
 */
public abstract sealed class IntVector<T extends IntVector<T>> extends BitVector<T> permits UInt, SInt {
    IntVector(Node node) { super(node); }

    /** True for two's complement (SInt). */
    abstract boolean signed();

    /** The smallest and largest value of {@code width} bits of this type. */
    final BigInteger min(int width) { return signed() ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO; }

    final BigInteger max(int width) {
        return (signed() ? BigInteger.ONE.shiftLeft(width - 1) : BigInteger.ONE.shiftLeft(width)).subtract(BigInteger.ONE);
    }

    /** A literal of this type and {@code width}, already checked to fit. */
    final T literal(BigInteger value, int width) { return wrap(Build.lit(value, width)); }

    /** {@code v} as a literal of this value's width: the operand of {@code add(long)} and friends. */
    final T litSameWidth(long v) {
        BigInteger b = BigInteger.valueOf(v);
        if (b.compareTo(min(width())) < 0 || b.compareTo(max(width())) > 0) {
            throw new HdlError(HdlError.Kind.WIDTH_MISMATCH, "literal " + v + " does not fit " + Checks.describe(this)
                    + " (allowed " + min(width()) + " to " + max(width()) + "): use a literal of the right width, or resize", Sites.loc());
        }
        return literal(b, width());
    }

    /** {@code v} as a literal of this width or wider, for comparisons (which extend both sides). */
    final T litFitting(long v) {
        if (!signed() && v < 0) {
            throw new HdlError(HdlError.Kind.INVALID, "cannot compare " + Checks.describe(this) + " with the negative " + v
                    + ": a UInt is never negative (convert with toSInt())", Sites.loc());
        }
        int need = signed() ? 65 - Long.numberOfLeadingZeros(v < 0 ? ~v : v) : Math.max(1, 64 - Long.numberOfLeadingZeros(v));
        return literal(BigInteger.valueOf(v), Math.max(width(), need));
    }

    private OpKind lessKind() { return signed() ? OpKind.LT_S : OpKind.LT_U; }

    private OpKind lessEqKind() { return signed() ? OpKind.LE_S : OpKind.LE_U; }

    /** Wrapping add; result width = max(widths). */
    public T add(T b) { return binary(OpKind.ADD, b); }

    public T add(long b) { return add(litSameWidth(b)); }

    /** Wrapping subtract; result width = max(widths). */
    public T sub(T b) { return binary(OpKind.SUB, b); }

    public T sub(long b) { return sub(litSameWidth(b)); }

    /** Add with carry: max(widths) + 1 bits, never overflows (SpinalHDL {@code +^}). */
    public T addExpand(T b) { return grown(OpKind.ADD, b); }

    /**
     * Subtract one bit wider (SpinalHDL {@code -^}): max(widths) + 1 bits. For SInt it never overflows; for UInt the
     * result is {@code a - b} modulo 2^(w+1), so its top bit is the borrow ({@code a < b}).
     */
    public T subExpand(T b) { return grown(OpKind.SUB, b); }

    private T grown(OpKind kind, T b) {
        int w = Math.max(width(), b.width()) + 1;
        return wrap(op(kind, w, extendTo(w), b.extendTo(w)));
    }

    /** Full product: width = sum of widths. */
    public T mul(T b) {
        int w = width() + b.width();
        return wrap(op(OpKind.MUL, w, extendTo(w), b.extendTo(w)));
    }

    public Bool lt(T b) { return compare(lessKind(), this, b); }

    public Bool le(T b) { return compare(lessEqKind(), this, b); }

    public Bool gt(T b) { return compare(lessKind(), b, this); }

    public Bool ge(T b) { return compare(lessEqKind(), b, this); }

    public Bool eq(long b) { return eq(litFitting(b)); }

    public Bool ne(long b) { return ne(litFitting(b)); }

    public Bool lt(long b) { return lt(litFitting(b)); }

    public Bool le(long b) { return le(litFitting(b)); }

    public Bool gt(long b) { return gt(litFitting(b)); }

    public Bool ge(long b) { return ge(litFitting(b)); }

    /** Shift left growing the width by n (SpinalHDL {@code <<}). */
    public T shl(int n) { return n == 0 ? wrap(node()) : wrap(Hdl.cat(this, Bits.lit(0, n)).node()); }

    /** Shift right dropping the n low bits (SpinalHDL {@code >>}; floor division by 2^n for SInt); width - n bits. */
    public T shr(int n) {
        if (n < 0 || n >= width()) {
            throw new HdlError(HdlError.Kind.INVALID, "shr(" + n + ") of " + Checks.describe(this) + " would leave no bits (allowed 0 to "
                    + (width() - 1) + ")", Sites.loc());
        }
        return n == 0 ? wrap(node()) : bits(width() - 1, n);
    }

    /** Saturating add: max(widths) bits, stuck at the largest (or smallest) value on overflow (SpinalHDL {@code +|}). */
    public T addSat(T b) { return saturated(addExpand(b), false); }

    /** Saturating subtract: stuck at the smallest (zero for UInt) or largest value (SpinalHDL {@code -|}). */
    public T subSat(T b) { return saturated(subExpand(b), true); }

    /** Clamps a one-bit-grown sum or difference back to its operands' width (a UInt's top bit: carry or borrow). */
    private T saturated(T grown, boolean subtract) {
        int w = grown.width() - 1;
        T low = grown.bits(w - 1, 0);
        T hi = literal(max(w), w);
        T lo = literal(min(w), w);
        if (!signed()) return Hdl.mux(grown.msb(), subtract ? lo : hi, low);
        // Overflow when the two top bits differ; the top bit then gives the direction.
        Bool overflow = grown.msb().xor(grown.bit(w - 1));
        return Hdl.mux(overflow, Hdl.mux(grown.msb(), lo, hi), low);
    }
}
