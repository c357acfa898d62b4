package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;

/**
 * Unsigned fixed point: a raw of {@code format.width()} bits standing for {@code raw * 2^-F}. The same rules as
 * {@link SFix}: exact {@code add/mul}, a signed result where one can be negative ({@code sub}, {@code neg}, any
 * operation with an SFix), and precision or range lost only through an explicit {@link #resize}.
 */
public final class UFix extends XFix {
    UFix(Node node, FixFormat format) { super(node, format, false); }

    public static HardType<UFix> type(FixFormat f) {
        SFix.requireSigned(f, false);
        return () -> new UFix(Elaboration.current().newSignal(f.width()), f);
    }

    public static HardType<UFix> type(String format) { return type(FixFormat.parse(format)); }

    /** The nearest value of the format (ties towards +inf); an error when that is outside its range. */
    public static UFix lit(double value, FixFormat f) {
        SFix.requireSigned(f, false);
        return new UFix(Build.lit(SFix.litRaw(value, f), f.width()), f);
    }

    public static UFix lit(double value, String format) { return lit(value, FixFormat.parse(format)); }

    /** Reinterprets a raw UInt of exactly {@code f.width()} bits. */
    public static UFix fromRaw(UInt raw, FixFormat f) {
        SFix.requireSigned(f, false);
        SFix.requireRawWidth(raw, f);
        return new UFix(raw.node(), f);
    }

    public UInt raw() { return new UInt(node()); }

    @Override UFix wrap(Node n) { return new UFix(n, format); }

    /** Assigns the literal nearest to {@code value}. */
    public void set(double value) { assign(lit(value, format)); }

    /** The same value with a sign bit: {@code u4.4 -> s5.4} (a zero on top, no logic). */
    public SFix toSFix() { return new SFix(raw().toSInt().node(), FixMath.toSigned(format)); }

    public UFix add(UFix b) {
        FixFormat out = FixMath.addFormat(format, b.format);
        return new UFix(at(out.fracBits()).addExpand(b.at(out.fracBits())).node(), out);
    }

    public SFix add(SFix b) { return b.add(this); }

    /** Exact difference, signed: s(max(Ia, Ib) + 1). */
    public SFix sub(UFix b) {
        FixFormat out = FixMath.subFormat(format, b.format);
        SInt x = toSFix().raw().shl(out.fracBits() - format.fracBits());
        SInt y = b.toSFix().raw().shl(out.fracBits() - b.format.fracBits());
        return new SFix(x.resize(out.width()).sub(y.resize(out.width())).node(), out);  // the difference fits: no wrap
    }

    public SFix sub(SFix b) { return toSFix().sub(b); }

    public UFix mul(UFix b) { return new UFix(raw().mul(b.raw()).node(), FixMath.mulFormat(format, b.format)); }

    public SFix mul(SFix b) { return b.mul(this); }

    public SFix neg() {
        FixFormat out = FixMath.negFormat(format);
        return new SFix(toSFix().raw().neg().node(), out);   // -x of x in [0, 2^I) fits the I+1 bits of toSFix
    }

    /** {@code this * 2^k}: the same raw bits with k fewer fraction bits; only the format changes (free). */
    public UFix scaleBy(int k) { return new UFix(node(), FixMath.scaleFormat(format, k)); }

    /** Converts to another unsigned format, dropping fraction bits by {@code r} and fitting the range by {@code o}. */
    public UFix resize(FixFormat to, Rounding r, Overflow o) {
        SFix.requireSigned(to, false);
        return new UFix(SFix.resizeRaw(raw().toSInt(), format.fracBits(), true, to, r, o), to);
    }

    public UFix resize(String to, Rounding r, Overflow o) { return resize(FixFormat.parse(to), r, o); }

    /** Converts to a signed format, rounding and fitting as {@link #resize} does. */
    public SFix toSFix(FixFormat to, Rounding r, Overflow o) {
        SFix.requireSigned(to, true);
        return new SFix(SFix.resizeRaw(raw().toSInt(), format.fracBits(), true, to, r, o), to);
    }

    /** The raw shifted left to {@code frac} fraction bits (exact, no logic). */
    private UInt at(int frac) { return raw().shl(frac - format.fracBits()); }
}
