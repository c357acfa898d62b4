package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact model of {@link MaxTree}: the largest input and the lowest index where it occurs, available
 * {@link MaxTree.Config#latency()} cycles after the inputs. Exact, so the float reference is the same.
 */
public final class MaxTreeModel {
    /** The maximum and the first index holding it. */
    public record Result(long max, int index) {}

    private final MaxTree.Config config;

    public MaxTreeModel(MaxTree.Config config) { this.config = config; }

    public Result apply(long... xs) {
        if (xs.length != config.n()) throw new IllegalArgumentException("expected " + config.n() + " inputs, got " + xs.length);
        int best = 0;
        for (int i = 0; i < xs.length; i++) {
            check(i, xs[i]);
            if (xs[i] > xs[best]) best = i;
        }
        return new Result(xs[best], best);
    }

    private void check(int i, long x) {
        int w = config.width();
        long min = FixFormat.minRaw(config.signed(), w);
        long max = FixFormat.maxRaw(config.signed(), w);
        if (x < min || x > max) throw new IllegalArgumentException("input " + i + " = " + x + " is outside [" + min + ", " + max + "]");
    }

    public int latency() { return config.latency(); }
}
