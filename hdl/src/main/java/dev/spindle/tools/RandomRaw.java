package dev.spindle.tools;

import dev.spindle.hdl.FixFormat;

import java.util.Random;

/**
 * Random raw integers for stimulus: uniform over a signed or unsigned range of {@code width} bits (at most 63),
 * with each end of the range drawn one time in sixteen, where overflow and saturation bugs live; and fixed-point raws
 * with the ties rounding modes differ on.
 */
public final class RandomRaw {
    private RandomRaw() {}

    public static long min(boolean signed, int width) { return FixFormat.minRaw(signed, width); }

    public static long max(boolean signed, int width) { return FixFormat.maxRaw(signed, width); }

    /** A uniform value of the range, or one of its ends (each one draw in sixteen). */
    public static long next(Random rnd, boolean signed, int width) {
        long lo = min(signed, width);
        long hi = max(signed, width);
        return switch (rnd.nextInt(16)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + (long) (rnd.nextDouble() * ((double) hi - lo + 1));
        };
    }

    /**
     * A raw value of {@code f} for rounding tests: often a corner (min, max, 0, +-1 LSB) or an exact tie for some
     * number of dropped bits (the low k bits 100..0), else uniform. Formats of at most 62 bits.
     */
    public static long withTies(Random rnd, FixFormat f) {
        long min = f.minRaw();
        long max = f.maxRaw();
        switch (rnd.nextInt(8)) {
            case 0: return min;
            case 1: return max;
            case 2: return Math.max(min, Math.min(max, rnd.nextInt(3) - 1));
            default: break;
        }
        long v = rnd.nextLong(min, max + 1);
        int valueBits = f.width() - (f.signed() ? 1 : 0);
        if (rnd.nextBoolean() && valueBits >= 1) {
            int k = 1 + rnd.nextInt(valueBits);
            v = (v & -(1L << k)) | (1L << (k - 1));
        }
        return v;
    }
}
