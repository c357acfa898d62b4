package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact model of {@link AdderTree}: the exact sum of the inputs (which the output width always holds), available
 * {@link AdderTree.Config#latency()} cycles after the inputs. The float reference is the same sum in double, equal
 * while it stays below 2^53.
 */
public final class AdderTreeModel {
    private final AdderTree.Config config;

    public AdderTreeModel(AdderTree.Config config) { this.config = config; }

    /** The sum of raw inputs (signed values, or unsigned values as non-negative longs). */
    public long sum(long... xs) {
        if (xs.length != config.n()) throw new IllegalArgumentException("expected " + config.n() + " inputs, got " + xs.length);
        long s = 0;
        for (int i = 0; i < xs.length; i++) s += check(i, xs[i]);
        return s;
    }

    private long check(int i, long x) {
        int w = config.width();
        long min = FixFormat.minRaw(config.signed(), w);
        long max = FixFormat.maxRaw(config.signed(), w);
        if (x < min || x > max) throw new IllegalArgumentException("input " + i + " = " + x + " is outside [" + min + ", " + max + "]");
        return x;
    }

    public int latency() { return config.latency(); }
}
