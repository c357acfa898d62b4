package dev.spindle.nn.softmax;

import java.math.BigInteger;

/**
 * The few integer operations the softmax specifications are written in. Each is one hardware primitive:
 * an arithmetic right shift, a rounding right shift (add half, shift), a leading-one detector, an exact divider.
 */
public final class SoftmaxMath {
    private SoftmaxMath() {}

    /** Bits of an unsigned field holding 0..{@code max} (at least 1). */
    public static int bitsFor(long max) {
        return Math.max(1, 64 - Long.numberOfLeadingZeros(max));
    }

    /** Position of the leading one, {@code floor(log2 v)} ({@code v >= 1}). */
    public static int floorLog2(long v) {
        return 63 - Long.numberOfLeadingZeros(v);
    }

    /** Arithmetic (floor) right shift by {@code s >= 0}; shifts past the width give the sign fill (0 or -1). */
    public static long shr(long v, long s) {
        return v >> (int) Math.min(s, 63);
    }

    /**
     * {@code floor((v + 2^(s-1)) / 2^s)}: round half up, for {@code s >= 0} and {@code |v| < 2^62};
     * {@code s = 0} returns {@code v}, {@code s >= 63} returns 0.
     */
    public static long roundShr(long v, long s) {
        if (s <= 0) return v;
        if (s >= 63) return 0;
        return (v + (1L << (s - 1))) >> s;
    }

    /** {@code floor(2^n / d)} for {@code d >= 1}: what a restoring divider with a constant dividend produces. */
    public static long floorPow2Div(int n, long d) {
        if (n <= 62) return (1L << n) / d;
        return BigInteger.ONE.shiftLeft(n).divide(BigInteger.valueOf(d)).longValueExact();
    }

    /**
     * The normalised, rounded reciprocal of {@code s >= 1}: with {@code k = floorLog2(s)},
     * {@code R = floor((floor(2^(k+q+1) / s) + 1) / 2) = round-half-up(2^(k+q) / s)}, a value in {@code [2^(q-1), 2^q]}.
     * The caller uses {@code k} (from {@link #floorLog2}) to place the binary point.
     */
    public static long roundedReciprocal(long s, int q) {
        int k = floorLog2(s);
        return (floorPow2Div(k + q + 1, s) + 1) >> 1;
    }
}
