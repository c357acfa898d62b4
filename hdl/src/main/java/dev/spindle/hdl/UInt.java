package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.SourceLoc;

import java.math.BigInteger;

/** Unsigned integer; the arithmetic and its width rules are {@link IntVector}'s, extension is with zeros. */
public final class UInt extends IntVector<UInt> {
    UInt(Node node) { super(node); }

    public static HardType<UInt> type(int width) { return () -> new UInt(Elaboration.current().newSignal(width)); }

    public static UInt lit(long value, int width) {
        if (value < 0) throw new IllegalArgumentException("UInt literal must be >= 0, got " + value + " at " + Sites.loc());
        return lit(BigInteger.valueOf(value), width);
    }

    public static UInt lit(BigInteger value, int width) {
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException("UInt literal " + value + " does not fit in " + width + " bits (allowed 0 to 2^" + width
                    + " - 1) at " + Sites.loc());
        }
        return new UInt(Build.lit(value, width));
    }

    /** A literal of the smallest width that holds it (at least 1 bit). */
    public static UInt lit(long value) { return lit(value, Math.max(1, 64 - Long.numberOfLeadingZeros(value))); }

    @Override UInt wrap(Node n) { return new UInt(n); }

    @Override Node extend(Node n, int width) { return Build.zext(n, width); }

    @Override boolean signed() { return false; }

    @Override public UInt resize(int width) { return new UInt(Build.resizeUnsigned(node(), width)); }

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
        if (b.node() instanceof Const c && c.value().signum() == 0) return lit(0, w);
        int cw = w > 64 ? w + 1 : w;
        UInt result = new UInt(op(kind, cw, extendTo(cw), b.extendTo(cw)));
        if (cw != w) result = result.bits(w - 1, 0);
        if (b.node() instanceof Const) return result;
        return Hdl.mux(b.eq(lit(0, b.width())), lit(0, w), result);
    }

    /** Zero-extends by one bit and reinterprets as signed: the same value as an SInt. */
    public SInt toSInt() { return new SInt(Build.zext(node(), width() + 1)); }
}
