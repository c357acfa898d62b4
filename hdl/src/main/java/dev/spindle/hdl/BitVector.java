package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;

/**
 * Bits, UInt and SInt: a vector of bits. Bitwise operators extend the narrower operand (zero for Bits and UInt,
 * sign for SInt) to the wider width; nothing is ever truncated implicitly.
 */
public abstract sealed class BitVector<T extends BitVector<T>> extends BaseType permits Bits, IntVector {
    BitVector(Node node) { super(node); }

    @Override abstract T wrap(Node n);

    /** Extends {@code n} to {@code width} the way this type extends (zero or sign). */
    abstract Node extend(Node n, int width);

    /** Resizes: extends (zero or sign) or keeps the low bits. */
    public abstract T resize(int width);

    final Node extendTo(int width) { return extend(node(), width); }

    T binary(OpKind kind, T b) {
        int w = Math.max(width(), b.width());
        return wrap(op(kind, w, extend(node(), w), extend(b.node(), w)));
    }

    public T and(T b) { return binary(OpKind.AND, b); }

    public T or(T b) { return binary(OpKind.OR, b); }

    public T xor(T b) { return binary(OpKind.XOR, b); }

    public T not() { return wrap(op(OpKind.NOT, width(), node())); }

    Bool compare(OpKind kind, BitVector<?> a, BitVector<?> b) {
        int w = Math.max(a.width(), b.width());
        return new Bool(op(kind, 1, a.extendTo(w), b.extendTo(w)));
    }

    public Bool eq(T b) { return compare(OpKind.EQ, this, b); }

    public Bool ne(T b) { return compare(OpKind.NE, this, b); }

    /** Shift left by a constant, keeping the width (SpinalHDL {@code |<<}). */
    public T sll(int n) { return shiftConst(OpKind.SLL_CONST, n); }

    /** Logical shift right by a constant, keeping the width (SpinalHDL {@code |>>} on Bits/UInt). */
    public T srl(int n) { return shiftConst(OpKind.SRL_CONST, n); }

    T shiftConst(OpKind kind, int n) {
        if (n < 0) throw new IllegalArgumentException("shift amount must be >= 0, got " + n);
        if (n == 0) return wrap(node());
        if (n >= width()) {
            // Everything is shifted out: zeros, or copies of the sign bit.
            if (kind != OpKind.SRA_CONST) return wrap(Build.lit(0, width()));
            n = width() - 1;
        }
        return wrap(Build.op(kind, width(), n, 0, node()));
    }

    /** Shift left by a UInt amount, keeping the width. */
    public T sll(UInt amount) { return shift(OpKind.SLL, OpKind.SLL_CONST, amount); }

    /** Logical shift right by a UInt amount, keeping the width. */
    public T srl(UInt amount) { return shift(OpKind.SRL, OpKind.SRL_CONST, amount); }

    /**
     * A shift by a hardware amount. A literal amount becomes a constant shift; an amount wider than 32 bits is
     * narrowed to the bits that matter, with the rest deciding "everything shifted out" (Verilator 5.006
     * shifts by the amount modulo 32 or 64 when the amount is wider than 64 bits).
     */
    T shift(OpKind kind, OpKind constKind, UInt amount) {
        if (amount.node() instanceof Const c) {
            return shiftConst(constKind, c.value().min(java.math.BigInteger.valueOf(width())).intValue());
        }
        int keep = Hdl.log2Up(width() + 1L);
        if (amount.width() <= Math.max(32, keep)) return wrap(op(kind, width(), node(), amount.node()));
        UInt low = amount.bits(keep - 1, 0);
        Bool over = amount.bits(amount.width() - 1, keep).orR();
        T shifted = wrap(op(kind, width(), node(), low.node()));
        T out = shiftConst(constKind, width());
        return Hdl.mux(over, out, shifted);
    }

    /** Bits [hi:lo] as the same type. */
    public T bits(int hi, int lo) {
        checkRange(hi, lo);
        return wrap(Build.slice(node(), hi, lo));
    }

    /** Bit i. */
    public Bool bit(int i) {
        checkRange(i, i);
        return new Bool(Build.slice(node(), i, i));
    }

    private void checkRange(int hi, int lo) {
        if (lo < 0 || hi >= width() || hi < lo) {
            throw new HdlError(HdlError.Kind.INVALID, "bit range [" + hi + ":" + lo + "] is outside [" + (width() - 1) + ":0] of "
                    + Checks.describe(this), Sites.loc());
        }
    }

    /** Rotates left by {@code n} (mod the width): bit i moves to bit (i + n) mod width. */
    public T rotl(int n) {
        int k = Math.floorMod(n, width());
        return k == 0 ? wrap(node()) : wrap(Hdl.cat(bits(width() - 1 - k, 0), bits(width() - 1, width() - k)).node());
    }

    /** Rotates right by {@code n} (mod the width). */
    public T rotr(int n) { return rotl(-Math.floorMod(n, width())); }

    /** The bits in reverse order: bit i becomes bit width-1-i. */
    public T reversed() {
        if (width() == 1) return wrap(node());
        BaseType[] parts = new BaseType[width()];
        for (int i = 0; i < width(); i++) parts[i] = bit(i);   // cat puts the first part on top: bit 0 becomes the msb
        return wrap(Hdl.cat(parts).node());
    }

    /** The bits as Bools, least significant first. */
    public java.util.List<Bool> asBools() {
        java.util.List<Bool> out = new java.util.ArrayList<>(width());
        for (int i = 0; i < width(); i++) out.add(bit(i));
        return out;
    }

    public Bool msb() { return bit(width() - 1); }

    public Bool lsb() { return bit(0); }

    /** The top {@code n} bits. */
    public T takeHigh(int n) { return bits(width() - 1, width() - n); }

    /** The low {@code n} bits. */
    public T takeLow(int n) { return bits(n - 1, 0); }

    public Bool orR() { return new Bool(op(OpKind.REDUCE_OR, 1, node())); }

    public Bool andR() { return new Bool(op(OpKind.REDUCE_AND, 1, node())); }

    public Bool xorR() { return new Bool(op(OpKind.REDUCE_XOR, 1, node())); }

    public UInt asUInt() { return new UInt(node()); }

    public SInt asSInt() { return new SInt(node()); }

    /** Assigns a literal of this width. */
    public void set(long value) { assignNode(Build.lit(value, width())); }

    @Override String typeName() { return getClass().getSimpleName() + "[" + width() + "]"; }
}
