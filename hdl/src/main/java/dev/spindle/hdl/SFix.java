package dev.spindle.hdl;

import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.SourceLoc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Signed fixed point: a two's complement raw of {@code format.width()} bits standing for {@code raw * 2^-F}.
 * {@code add/sub/mul/neg} are exact (the format grows as {@link FixMath} states); the only way to lose bits is an
 * explicit {@link #resize} with a {@link Rounding} and an {@link Overflow} mode. {@link FixMath} is its bit-exact model.
 */
public final class SFix extends XFix {
    SFix(Node node, FixFormat format) { super(node, format, true); }

    public static HardType<SFix> type(FixFormat f) {
        requireSigned(f, true);
        return () -> new SFix(Elaboration.current().newSignal(f.width()), f);
    }

    public static HardType<SFix> type(String format) { return type(FixFormat.parse(format)); }

    /** The nearest value of the format (ties towards +inf); an error when that is outside its range. */
    public static SFix lit(double value, FixFormat f) {
        requireSigned(f, true);
        return new SFix(Build.lit(litRaw(value, f), f.width()), f);
    }

    public static SFix lit(double value, String format) { return lit(value, FixFormat.parse(format)); }

    /** Reinterprets a raw SInt of exactly {@code f.width()} bits. */
    public static SFix fromRaw(SInt raw, FixFormat f) {
        requireSigned(f, true);
        requireRawWidth(raw, f);
        return new SFix(raw.node(), f);
    }

    public SInt raw() { return new SInt(node()); }

    @Override SFix wrap(Node n) { return new SFix(n, format); }

    /** Assigns the literal nearest to {@code value}. */
    public void set(double value) { assign(lit(value, format)); }

    public SFix add(SFix b) {
        FixFormat out = FixMath.addFormat(format, b.format);
        return new SFix(at(out.fracBits()).addExpand(b.at(out.fracBits())).node(), out);
    }

    public SFix add(UFix b) { return add(b.toSFix()); }

    public SFix sub(SFix b) {
        FixFormat out = FixMath.subFormat(format, b.format);
        return new SFix(at(out.fracBits()).subExpand(b.at(out.fracBits())).node(), out);
    }

    public SFix sub(UFix b) { return sub(b.toSFix()); }

    public SFix mul(SFix b) { return new SFix(raw().mul(b.raw()).node(), FixMath.mulFormat(format, b.format)); }

    /** Signed times unsigned: s(Ia+Ib); the product of the sign-extended operands has one redundant top bit. */
    public SFix mul(UFix b) {
        FixFormat out = FixMath.mulFormat(format, b.format());
        return new SFix(raw().mul(b.toSFix().raw()).resize(out.width()).node(), out);
    }

    public SFix neg() { return new SFix(raw().resize(width() + 1).neg().node(), FixMath.negFormat(format)); }

    /** {@code this * 2^k}: the same raw bits with k fewer fraction bits; only the format changes (free). */
    public SFix scaleBy(int k) { return new SFix(node(), FixMath.scaleFormat(format, k)); }

    /** Converts to another signed format, dropping fraction bits by {@code r} and fitting the range by {@code o}. */
    public SFix resize(FixFormat to, Rounding r, Overflow o) {
        requireSigned(to, true);
        return new SFix(resizeRaw(raw(), format.fracBits(), false, to, r, o), to);
    }

    public SFix resize(String to, Rounding r, Overflow o) { return resize(FixFormat.parse(to), r, o); }

    /** Converts to an unsigned format; with {@link Overflow#SATURATE} negative values become 0. */
    public UFix toUFix(FixFormat to, Rounding r, Overflow o) {
        requireSigned(to, false);
        return new UFix(resizeRaw(raw(), format.fracBits(), false, to, r, o), to);
    }

    /** The raw shifted left to {@code frac} fraction bits (exact, no logic). */
    private SInt at(int frac) { return raw().shl(frac - format.fracBits()); }

    // ---- shared with UFix: the resize datapath, literals and messages ----

    /**
     * The raw bits, in format {@code to}, of the value {@code x * 2^-frac}. An unsigned raw comes zero-extended to
     * an SInt with {@code nonNegative} set, which spares the logic that handles negative values.
     */
    static Node resizeRaw(SInt x, int frac, boolean nonNegative, FixFormat to, Rounding r, Overflow o) {
        SInt q = round(x, to.fracBits() - frac, r);
        if (o == Overflow.WRAP) return q.resize(to.width()).node();
        return to.signed() ? saturateSigned(q, nonNegative, to.width()).node() : saturateUnsigned(q, nonNegative, to.width()).node();
    }

    /** {@code x * 2^d} rounded to an integer: a free shift when d >= 0, else drop -d bits and maybe add one. */
    private static SInt round(SInt x, int d, Rounding r) {
        if (d >= 0) return x.shl(d);
        int n = -d;
        if (x.width() < n + 1) x = x.resize(n + 1);          // bits n (the kept LSB) and n-1 (the half) must exist
        SInt q = x.shr(n);                                     // floor
        if (r == Rounding.FLOOR) return q;
        Bool half = x.bit(n - 1);
        Bool up = half;
        if (r == Rounding.ROUND_HALF_EVEN) {                   // exactly half (nothing below) rounds up only to an even q
            Bool above = n >= 2 ? x.bits(n - 2, 0).orR() : Bool.lit(false);
            up = half.and(above.or(x.bit(n)));
        }
        int w = q.width() + 1;                                 // one bit wider, so the largest q + 1 cannot wrap
        return q.resize(w).add(up.asUInt().resize(w).asSInt());
    }

    /** Keeps the low {@code w} bits when the dropped top bits are all copies of the sign; else the nearest limit. */
    private static SInt saturateSigned(SInt q, boolean nonNegative, int w) {
        if (q.width() <= w) return q.resize(w);
        SInt top = q.bits(q.width() - 1, w - 1);
        Bool fits = nonNegative ? top.orR().not() : top.andR().or(top.orR().not());
        SInt max = signedLit(BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE), w);
        SInt limit = nonNegative ? max : Hdl.mux(q.msb(), signedLit(BigInteger.ONE.shiftLeft(w - 1).negate(), w), max);
        return Hdl.mux(fits, q.bits(w - 1, 0), limit);
    }

    /** 0 for a negative value, all ones when the magnitude has bits at or above {@code w}, else the low bits. */
    private static UInt saturateUnsigned(SInt q, boolean nonNegative, int w) {
        if (q.width() == 1) return UInt.lit(0, w);             // q is 0 or -1: both saturate to 0
        UInt mag = q.bits(q.width() - 2, 0).asUInt();
        UInt value = mag.resize(w);
        if (mag.width() > w) {
            Bool fits = mag.bits(mag.width() - 1, w).orR().not();
            value = Hdl.mux(fits, mag.bits(w - 1, 0), UInt.lit(BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE), w));
        }
        return nonNegative ? value : Hdl.mux(q.msb(), UInt.lit(0, w), value);
    }

    private static SInt signedLit(BigInteger v, int w) { return new SInt(Build.lit(v, w)); }

    /** The raw nearest to {@code value * 2^F} (ties towards +inf), checked against the format's range. */
    static BigInteger litRaw(double value, FixFormat f) {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("a " + f + " literal must be finite, got " + value);
        BigDecimal scaled = new BigDecimal(value).multiply(new BigDecimal(Math.scalb(1.0, f.fracBits())));
        BigInteger raw = scaled.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        int w = f.width();
        BigInteger min = f.signed() ? BigInteger.ONE.shiftLeft(w - 1).negate() : BigInteger.ZERO;
        BigInteger max = (f.signed() ? BigInteger.ONE.shiftLeft(w - 1) : BigInteger.ONE.shiftLeft(w)).subtract(BigInteger.ONE);
        if (raw.compareTo(min) < 0 || raw.compareTo(max) > 0) {
            throw new IllegalArgumentException("literal " + value + " is outside " + f + ": its range is ["
                    + Math.scalb(min.doubleValue(), -f.fracBits()) + ", " + Math.scalb(max.doubleValue(), -f.fracBits())
                    + "] in steps of " + Math.scalb(1.0, -f.fracBits()));
        }
        return raw;
    }

    static void requireSigned(FixFormat f, boolean signed) {
        if (f.signed() != signed) {
            throw new IllegalArgumentException("format " + f + " is " + (signed ? "unsigned where SFix needs s<I>.<F>: use UFix or toUFix"
                    : "signed where UFix needs u<I>.<F>: use SFix, or toUFix to convert"));
        }
    }

    static void requireRawWidth(BitVector<?> raw, FixFormat f) {
        if (raw.width() != f.width()) {
            throw new HdlError(HdlError.Kind.WIDTH_MISMATCH, "(" + f.width() + " bits <- " + raw.width() + " bits): format " + f
                    + " needs a raw of " + f.width() + " bits: resize the raw value first", Sites.loc());
        }
    }

    static HdlError formatMismatch(BaseType target, FixFormat got) {
        return new HdlError(HdlError.Kind.TYPE_MISMATCH, "(" + target.typeName() + " <- " + got + ") on " + Checks.describe(target)
                + ": fixed-point formats differ; convert explicitly with resize(FixFormat.parse(\"" + target.typeName()
                + "\"), rounding, overflow) (toSFix/toUFix between signed and unsigned)", Sites.loc());
    }
}
