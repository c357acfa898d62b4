package dev.spindle.nn.softmax;

import dev.spindle.hdl.Hdl;

import java.util.Map;

/**
 * Derived parameters of {@link SoftmaxAlgorithm#BASE2} (Softermax-style), sized for {@link #errorBound()} = 0.75
 * output LSB: 0.5 LSB final rounding plus at most 0.25 LSB from everything else (the analysis in
 * {@code docs/softmax.md} gives about 0.12 LSB: sum truncation 1/16, reciprocal 1/32, log2(e) constant, y rounding and
 * ROMs about 1/64 each). Notation: {@code Fo}, {@code Fi} output and input fraction bits,
 * {@code nb = ceil(log2(length+1))}.
 *
 * @param config   the configuration
 * @param c        fraction bits of the log2(e) constant, {@code Fo + 8}: the constant's error over a row's spread
 *                 moves a probability by at most {@code ln2·2^-(c+1)·ln(length)}
 * @param log2e    the constant {@code C = round(log2(e)·2^c)}
 * @param fy       fraction bits of {@code y = x·log2 e}, {@code Fo + 4}: rounding y is a relative error
 *                 {@code <= ln2·2^-(fy+1)} on each weight
 * @param yShift   {@code Fi + c - fy}: the rounding right shift from {@code x·C} to {@code y}
 * @param hiBits   address bits of the ROM for the top of the fraction
 * @param loBits   address bits of the ROM for the bottom of the fraction ({@code fy/2} when {@code fy > 8}, else 0)
 * @param a        fraction bits of the hi ROM ({@code Fo + 8})
 * @param b        fraction bits of the lo ROM ({@code Fo + 8}; 0 when absent)
 * @param mb       fraction bits of the mantissa {@code 2^-j} in (0.5, 1] ({@code Fo + 8})
 * @param g        fraction bits of the running sum: {@code max(mb, Fo + 6 + nb)}; its truncations (at most
 *                 {@code length + beats} of {@code 2^-g} each) stay below {@code 2^-(Fo+4)} relative to {@code S >= 1/2}
 * @param q        reciprocal precision, {@code Fo + 5}
 * @param sumWidth width of the running sum {@code S < length·2^g}: {@code g + nb}
 */
public record Base2Params(SoftmaxConfig config, int c, long log2e, int fy, int yShift, int hiBits, int loBits, int a,
                          int b, int mb, int g, int q, int sumWidth) implements SoftmaxParams {

    /** log2(e) as a double. */
    public static final double LOG2_E = 1.4426950408889634;

    public static Base2Params of(SoftmaxConfig cfg) {
        int fo = cfg.output().fracBits(), fi = cfg.input().fracBits();
        int nb = Hdl.ceilLog2(cfg.length() + 1L);
        int c = fo + 8;
        long log2e = Math.round(Math.scalb(LOG2_E, c));
        int fy = fo + 4;
        int yShift = fi + c - fy;
        int loBits = fy > 8 ? fy / 2 : 0;
        int hiBits = fy - loBits;
        int mb = fo + 8;
        int a = mb;
        int b = loBits == 0 ? 0 : fo + 8;
        int g = Math.max(mb, fo + 6 + nb);
        int q = fo + 5;
        int sumWidth = g + nb;
        SoftmaxParams.requireAccumulator("running sum", sumWidth, cfg);
        return new Base2Params(cfg, c, log2e, fy, yShift, hiBits, loBits, a, b, mb, g, q, sumWidth);
    }

    /** The ROMs of {@code 2^-j} for the fraction index of {@code fy} bits: {@code pow2Hi}, {@code pow2Lo}. */
    SplitRom roms() { return SplitRom.of("pow2", x -> StrictMath.pow(2.0, -x), fy, hiBits, loBits, a, b, productShift()); }

    /** Hi ROM: entry {@code h} is {@code round(2^-(h·2^(loBits-fy)) · 2^a)}, {@code 2^hiBits} entries of {@code a+1} bits. */
    public long[] hiTable() { return roms().hi(); }

    /** Lo ROM: entry {@code l} is {@code round(2^-(l·2^-fy) · 2^b)}, {@code 2^loBits} entries of {@code b+1} bits ({@code [1]} when absent). */
    public long[] loTable() { return roms().lo(); }

    /** Right shift that rounds the ROM product to the {@code mb}-bit mantissa: {@code a + b - mb}. */
    public int productShift() { return a + b - mb; }

    /** Smallest integer exponent {@code u = ceil(y)} over the input range. */
    public long uMin() { return ceilY(config.input().minRaw()); }

    /** Largest integer exponent {@code u = ceil(y)} over the input range. */
    public long uMax() { return ceilY(config.input().maxRaw()); }

    /** Signed width of {@code u}; the shift {@code s = M - u} needs {@code bitsFor(uMax - uMin)} bits. */
    public int uBits() { return 1 + SoftmaxMath.bitsFor(Math.max(Math.abs(uMin()), Math.abs(uMax()))); }

    private long ceilY(long x) {
        long y = SoftmaxMath.roundShr(x * log2e, yShift);
        return -((-y) >> fy);
    }

    /** Extra pipeline stages when the lane max tree is deeper than the 4 stages it runs beside: {@code max(0, t - 4)}. */
    public int maxTreeExtra() { return Math.max(0, treeLevels() - 4); }

    @Override public double errorBound() { return 0.75 * outLsb(); }

    /** {@code length·LSB/2} (independent roundings) plus {@code 2^-q} (reciprocal) plus {@code 2^-(Fo+3)} (sum truncation). */
    @Override public double sumErrorBound() {
        return config.length() * outLsb() / 2 + Math.scalb(1.0, -q) + Math.scalb(1.0, -(config.output().fracBits() + 3));
    }

    @Override public int latency() { return beatsPerRow() + treeLevels() + maxTreeExtra() + dividerStages() + 14; }

    /** Stages of the reciprocal's divider for its {@code q + 2} quotient bits ({@link SoftmaxParams#dividerStages}). */
    public int dividerStages() { return SoftmaxParams.dividerStages(q + 2); }

    /** Delay, in beats, of the x store between pass 1 (write) and the recomputation in pass 2 (read). */
    public int xStoreDelay() { return beatsPerRow() + treeLevels() + maxTreeExtra() + dividerStages() + 2; }

    @Override public Map<String, long[]> tables() { return roms().tables(); }

    @Override public String datapath() {
        int wi = config.input().width();
        StringBuilder s = new StringBuilder();
        s.append(String.format("  y = round(x * C / 2^%d), C = %d (log2 e with c = %d fraction bits, %d bits): multiplier %d x %d%n",
                yShift, log2e, c, SoftmaxMath.bitsFor(log2e), wi, SoftmaxMath.bitsFor(log2e)));
        s.append(String.format("  y has fy = %d fraction bits; u = ceil(y) in [%d, %d] (%d bits signed), j = fraction index %d bits%n",
                fy, uMin(), uMax(), uBits(), fy));
        s.append(roms().describe());
        if (loBits > 0) s.append(String.format("  mantissa multiplier %d x %d -> m with mb = %d fraction bits (%d bits)%n", a + 1, b + 1, mb, mb + 1));
        s.append(String.format("  running sum S: g = %d fraction bits, %d bits; reciprocal R = round(2^(k+%d)/S): %d bits, divider %d quotient bits in %d stages%n",
                g, sumWidth, q, q + 1, q + 2, dividerStages()));
        s.append(String.format("  multiplier per lane, pass 2: %d x %d (m x R), then a rounding shift by k + s + %d%n", mb + 1, q + 1, q + mb - g - config.output().fracBits()));
        s.append(String.format("  per lane: the y multiplier, ROMs and mantissa multiplier twice (pass 1 and the pass-2 recomputation)%n"));
        s.append(String.format("  store: x delay %d beats x %d lanes x %d bits%n", xStoreDelay(), config.lanes(), wi));
        return s.toString();
    }
}
