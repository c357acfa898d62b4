package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/** Integer helpers of the bit-exact models: rounding shifts and saturation, exactly as the RTL computes them. */
public final class Raw {
    private Raw() {}

    /** {@code v·2^-s} rounded half up ({@code (v + 2^(s-1)) >> s}) for s > 0; an exact left shift for s <= 0. */
    public static long rsh(long v, int s) {
        if (s <= 0) return v << -s;
        if (s >= 63) return 0;
        return (v + (1L << (s - 1))) >> s;
    }

    /** {@code v} clamped to the raw range of {@code f}. */
    public static long sat(long v, FixFormat f) { return Math.max(f.minRaw(), Math.min(f.maxRaw(), v)); }

    /** A raw value with {@code from} fraction bits moved to {@code to} fraction bits (rounded half up), saturated to {@code f}. */
    public static long convert(long v, int from, FixFormat f) { return sat(rsh(v, from - f.fracBits()), f); }

    /** floor(log2 v) for v >= 1. */
    public static int lead(long v) { return 63 - Long.numberOfLeadingZeros(v); }

    /** Bits of a two's complement number that holds every value of magnitude up to {@code maxAbs}. */
    public static int signedBits(long maxAbs) { return 65 - Long.numberOfLeadingZeros(Math.max(maxAbs, 1)); }

    /** ceil(log2 n) for n >= 1. */
    public static int clog2(long n) { return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1); }
}
