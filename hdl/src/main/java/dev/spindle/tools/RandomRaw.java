package dev.spindle.tools;

import dev.spindle.hdl.FixFormat;

import java.util.Random;

/**
 * Random raw integers for stimulus: uniform over a signed or unsigned range of {@code width} bits (at most 63),
 * with each end of the range drawn one time in sixteen, where overflow and saturation bugs live.
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
}
