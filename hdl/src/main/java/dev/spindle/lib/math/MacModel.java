package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Overflow;

/**
 * Bit-exact model of {@link Mac}, clock by clock: {@link #step} takes the inputs of one cycle and returns
 * {@code io_acc} after that clock edge. Written from the definition: the exact sum in a long, then wrapped
 * (two's complement or modulo 2^accWidth) or clamped. The float reference of a dot product is the exact sum.
 */
public final class MacModel {
    private final Mac.Config config;
    private long acc;
    private long pendingProduct;          // the product register (registerProduct only)
    private boolean pendingEnable;
    private boolean pendingClear;

    public MacModel(Mac.Config config) { this.config = config; }

    /** One clock: the inputs (raw values: signed, or unsigned as non-negative longs) and the accumulator after the edge. */
    public long step(long a, long b, boolean enable, boolean clear) {
        long product = check("a", a, config.aWidth()) * check("b", b, config.bWidth());
        if (config.registerProduct()) {
            long p = pendingProduct;
            boolean e = pendingEnable;
            boolean c = pendingClear;
            pendingProduct = product;
            pendingEnable = enable;
            pendingClear = clear;
            product = p;
            enable = e;
            clear = c;
        }
        long sum = (clear ? 0 : acc) + (enable ? product : 0);
        acc = fit(sum);
        return acc;
    }

    public long acc() { return acc; }

    private long fit(long v) {
        int w = config.accWidth();
        long min = FixFormat.minRaw(config.signed(), w);
        long max = FixFormat.maxRaw(config.signed(), w);
        if (config.overflow() == Overflow.SATURATE) return Math.max(min, Math.min(max, v));
        long low = v & ((1L << w) - 1);
        return config.signed() && low > max ? low - (1L << w) : low;
    }

    private long check(String name, long x, int w) {
        long min = FixFormat.minRaw(config.signed(), w);
        long max = FixFormat.maxRaw(config.signed(), w);
        if (x < min || x > max) throw new IllegalArgumentException(name + " = " + x + " is outside [" + min + ", " + max + "]");
        return x;
    }
}
