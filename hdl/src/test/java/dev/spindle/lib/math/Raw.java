package dev.spindle.lib.math;

import java.util.Random;

/** Random raw integers for the math tests, with the edges of the range drawn often. */
final class Raw {
    private Raw() {}

    static long min(boolean signed, int width) { return signed ? -(1L << (width - 1)) : 0; }

    static long max(boolean signed, int width) { return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1; }

    /** A uniform value of the range, or one of its ends (one draw in eight). */
    static long next(Random rnd, boolean signed, int width) {
        long lo = min(signed, width);
        long hi = max(signed, width);
        return switch (rnd.nextInt(16)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + (long) (rnd.nextDouble() * ((double) hi - lo + 1));
        };
    }
}
