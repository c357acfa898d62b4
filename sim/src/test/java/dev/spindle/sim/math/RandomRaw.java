package dev.spindle.sim.math;

import java.util.Random;

/** Random raw integers for the math simulations: uniform over the range, with its ends drawn one time in eight. */
final class RandomRaw {
    private RandomRaw() {}

    static long min(boolean signed, int width) { return signed ? -(1L << (width - 1)) : 0; }

    static long max(boolean signed, int width) { return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1; }

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
