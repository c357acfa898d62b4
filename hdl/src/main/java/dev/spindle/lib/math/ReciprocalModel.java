package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact model of {@link Reciprocal}, written from the algorithm's definition in integer arithmetic on longs:
 * normalize {@code d = m * 2^(e)} with {@code m} in [1, 2) by its leading-zero count, look {@code x0 ~ 1/m} up in the
 * table of {@link Reciprocal.Config#table()} (itself modelled by {@link FunctionTableModel}), one Newton-Raphson step
 * {@code x1 = x0 (2 - m x0)} truncated to {@code G} fraction bits, then scale by {@code 2^-e}, round half up and
 * saturate. {@link #apply} gives the output of an input {@link Reciprocal.Config#latency()} cycles later.
 * The float reference is {@code 1 / d}, clamped to the output range; see {@link Reciprocal} for the measured error.
 */
public final class ReciprocalModel {
    private final Reciprocal.Config config;
    private final FunctionTableModel table;

    public ReciprocalModel(Reciprocal.Config config) {
        this.config = config;
        this.table = new FunctionTableModel(config.table());
    }

    /** The raw output for a raw input (both unsigned). */
    public long apply(long d) {
        FixFormat in = config.input();
        FixFormat out = config.output();
        int w = in.width();
        if (d < 0 || d > (1L << w) - 1) throw new IllegalArgumentException("d = " + d + " is outside " + in + ": [0, " + ((1L << w) - 1) + "]");
        long outMax = (1L << out.width()) - 1;
        if (d == 0) return outMax;                                   // 1/0: the largest value
        int lz = Long.numberOfLeadingZeros(d) - (64 - w);            // d = m * 2^(w - 1 - lz) in raw units, m in [1, 2)
        long m = d << lz;                                            // u1.(w-1)
        long fraction = m - (1L << (w - 1));                         // m - 1 in u0.(w-1): the table's input
        long x0 = table.apply(fraction);                             // u0.T
        int t = config.tableFracBits();
        int g = config.guardBits();
        long mx0 = m * x0;                                           // u1.(w-1+T), close to 1
        long mx0g = shift(mx0, g - (w - 1 + t));                     // truncated to G fraction bits
        long twoMinus = (1L << (g + 1)) - mx0g;                      // 2 - m x0, u1.G
        long x1 = (x0 * twoMinus) >> t;                              // u1.G, close to 1/m
        // 1/d = x1 * 2^-(w-1-lz) * 2^(Fin); the output raw is that times 2^Fout
        int c = out.fracBits() + in.fracBits() - (w - 1) - g;        // raw = x1 * 2^(lz + c)
        long v = x1 << lz;
        if (c >= 0) return v > (outMax >> c) ? outMax : Math.min(outMax, v << c);
        int n = -c;
        long rounded = n >= 63 ? 0 : (v >> n) + ((v >> (n - 1)) & 1);   // round half up
        return Math.min(outMax, rounded);
    }

    /** The real value of {@link #apply}. */
    public double applyValue(long d) { return apply(d) * config.output().lsb(); }

    /** {@code x * 2^k}, dropping bits (floor) when k is negative. */
    private static long shift(long x, int k) { return k >= 0 ? x << k : x >> -k; }
}
