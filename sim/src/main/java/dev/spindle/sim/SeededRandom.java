package dev.spindle.sim;

import java.util.Random;

/**
 * A {@code Random} that remembers its seed, so that an agent's failure can print the seed that replays it. The
 * {@link SpindleSim} extension hands one to every test that takes a {@code Random}.
 */
public final class SeededRandom extends Random {
    private final long seed;

    public SeededRandom(long seed) {
        super(seed);
        this.seed = seed;
    }

    public long seed() { return seed; }

    /** " (seed N, rerun with -Dspindle.seed=N)" for a seeded generator, else "" (the caller's seed is not known). */
    static String describe(Random random) {
        return random instanceof SeededRandom s ? " (seed " + s.seed + ", rerun with -Dspindle.seed=" + s.seed + ")" : "";
    }
}
