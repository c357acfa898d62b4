package dev.spindle.nn.softmax;

import dev.spindle.hdl.Hdl;

import java.util.Map;

/**
 * Derived parameters of {@link SoftmaxAlgorithm#SHIFTMAX} (I-ViT). The algorithm's own approximations dominate its
 * error: {@code 2^r ≈ 1 + r/2} is up to 6.1% high, and {@code log2 e ≈ 1.4375} drifts 0.36% per unit of distance from
 * the max; {@link #errorBound()} states the resulting first-order bound (with 10% allowance for cross terms).
 * Notation: {@code Fo}, {@code Fi} output and input fraction bits, {@code nb = ceil(log2(length+1))}.
 *
 * @param config    the configuration
 * @param fe        fraction bits of each exponential {@code E}: {@code Fo + nb + 1}, so the row's truncations add up to
 *                  at most half an output LSB (I-ViT's fixed {@code n = 15} would be too few for long rows)
 * @param k         the dividend exponent: {@code F = floor(2^k / S)}; {@code k = fe + nb + Fo + 2} keeps
 *                  {@code F >= 2^(Fo+2)}, a relative error {@code <= 2^-(Fo+2)}
 * @param sumWidth  width of the sum {@code S <= length·2^fe}: {@code fe + nb}
 */
public record ShiftmaxParams(SoftmaxConfig config, int fe, int k, int sumWidth) implements SoftmaxParams {

    /** {@code max((1 + r/2)·2^-r) - 1} over {@code r in [-1, 0]}: the relative error of I-ViT's {@code 2^r ≈ 1 + r/2}. */
    public static final double POW2_LINEAR_ERROR = 0.0613;
    /** {@code ln2·(log2 e - 1.4375)}: relative drift of a weight per unit of {@code max - x}. */
    public static final double LOG2E_DRIFT = Math.log(2) * (Base2Params.LOG2_E - 1.4375);

    public static ShiftmaxParams of(SoftmaxConfig cfg) {
        int fo = cfg.output().fracBits();
        int nb = Hdl.ceilLog2(cfg.length() + 1L);
        int fe = fo + nb + 1;
        int k = fe + nb + fo + 2;
        int sumWidth = fe + nb;
        SoftmaxParams.requireAccumulator("sum", sumWidth, cfg);
        return new ShiftmaxParams(cfg, fe, k, sumWidth);
    }

    /** Width of the factor {@code F = floor(2^k / S)}, at most {@code 2^(k-fe)}: {@code k - fe + 1}; also the divider's quotient bits. */
    public int factorWidth() { return k - fe + 1; }

    /**
     * {@code LSB/2} (final rounding) plus 1.1 times the sum of: {@code 0.0613/4} (the linear 2^r; a probability moves by
     * at most {@code p(1-p)} times the spread of relative errors), {@code ln2·1.5·2^-Fi/4} (the floors in
     * {@code D>>1}, {@code D>>4}), {@code 0.0036·(ln(length) + 0.37)·1.05} (the log2(e) drift, weighted by the row's
     * mean distance from the max, which is at most {@code ln(length)}), {@code (length+1)·2^-fe} (truncated E) and
     * {@code 2^-(Fo+2)} (the floored factor).
     */
    @Override public double errorBound() {
        int fi = config.input().fracBits(), fo = config.output().fracBits(), n = config.length();
        double approx = POW2_LINEAR_ERROR / 4
                + Math.log(2) * 1.5 * Math.scalb(1.0, -fi) / 4
                + LOG2E_DRIFT * (Math.log(Math.max(n, 2)) + 0.37) * 1.05
                + (n + 1) * Math.scalb(1.0, -fe)
                + Math.scalb(1.0, -(fo + 2));
        return outLsb() / 2 + 1.1 * approx;
    }

    /** {@code length·LSB/2} plus {@code 2^-(Fo+2)}: the unrounded outputs sum to {@code S·F/2^k}, in {@code (1 - 2^-(Fo+2), 1]}. */
    @Override public double sumErrorBound() {
        return config.length() * outLsb() / 2 + Math.scalb(1.0, -(config.output().fracBits() + 2));
    }

    @Override public int latency() { return 2 * beatsPerRow() + 2 * treeStages() + dividerStages() + 9; }

    /** Stages of the divider for F's {@code k - fe + 1} bits ({@link SoftmaxParams#dividerStages}). */
    public int dividerStages() { return SoftmaxParams.dividerStages(k - fe + 1); }

    /** Delay, in beats, of the x store between pass 1 (write) and pass 2 (read): {@code Lb + ts}. */
    public int xStoreDelay() { return beatsPerRow() + treeStages(); }

    /** Delay, in beats, of the E store between pass 2 (write) and pass 3 (read): {@code Lb + ts + D}, D the divider's stages. */
    public int eStoreDelay() { return beatsPerRow() + treeStages() + dividerStages(); }

    @Override public Map<String, long[]> tables() { return Map.of(); }

    @Override public String datapath() {
        int wi = config.input().width(), fi = config.input().fracBits();
        StringBuilder s = new StringBuilder();
        s.append(String.format("  D = x - max: %d bits signed; P = D + (D>>1) - (D>>4); q = (-P)>>%d, r = P + (q<<%d) (%d bits)%n",
                wi + 1, fi, fi, fi + 1));
        s.append(String.format("  E = floor((2^%d + r) * 2^(%d - q)): fe = %d fraction bits, %d bits (barrel shift, no ROM, no multiplier)%n",
                fi + 1, fe - fi - 1, fe, fe + 1));
        s.append(String.format("  sum S: %d bits; F = floor(2^%d / S): %d bits, divider %d quotient bits in %d stages%n", sumWidth, k, factorWidth(), factorWidth(), dividerStages()));
        s.append(String.format("  multiplier per lane, pass 3: %d x %d (E x F), rounding shift by %d%n", fe + 1, factorWidth(), k - config.output().fracBits()));
        s.append(String.format("  stores: x delay %d beats x %d lanes x %d bits; E delay %d beats x %d lanes x %d bits%n",
                xStoreDelay(), config.lanes(), wi, eStoreDelay(), config.lanes(), fe + 1));
        return s.toString();
    }
}
