package dev.spindle.nn.softmax;

import dev.spindle.hdl.Hdl;

import java.util.Map;

/**
 * Derived parameters of {@link SoftmaxAlgorithm#EXP_TABLE}, sized so that the model stays within
 * {@link #errorBound()} = 0.75 output LSB of the float softmax: 0.5 LSB for the final rounding plus an error budget of
 * 0.25 LSB, of which 1/8 LSB goes to absolute errors of e^-d (they add up over the row, hence the {@code log2 n}
 * bits in {@code e}) and 1/8 LSB to relative errors (lo ROM, index rounding, reciprocal), which do not add up.
 * Notation: {@code Fo} output fraction bits, {@code Fi} input fraction bits, {@code nb = ceil(log2(length+1))}.
 *
 * @param config   the configuration
 * @param e        fraction bits of each exponential {@code ê = e^-d} and of the sum: {@code Fo + 3 + nb}, so that the
 *                 row's accumulated absolute error {@code (n+1)·2^-e <= 2^-(Fo+3)}
 * @param a        fraction bits of the hi ROM ({@code e + 1}; {@code e} when there is no lo ROM): its rounding and
 *                 the product rounding stay below {@code 2^-e}
 * @param b        fraction bits of the lo ROM, {@code Fo + 6} (0 when there is no lo ROM): relative error
 *                 {@code <= 1.14·2^-(b+1)}, which moves a probability by at most half that
 * @param g        fraction bits of the ROM index {@code d}: {@code min(Fi, Fo + 4)}; rounding d to {@code g} bits is a
 *                 relative error {@code <= 2^-(g+1)} on e^-d
 * @param dBits    index width: {@code min(D, Ii) + g} where {@code 2^D >= (e+2)·ln 2}, so a saturated index stands for
 *                 a value below {@code 2^-(e+2)} (and the input range needs no more)
 * @param hiBits   hi ROM address bits (top of the index)
 * @param loBits   lo ROM address bits (bottom of the index), {@code dBits/2} when {@code dBits > 8}, else 0 (one ROM)
 * @param q        reciprocal precision: {@code R = round(2^(k+q)/S)} has {@code q+1} bits, relative error
 *                 {@code <= 2^-q = 2^-(Fo+5)}
 * @param sumWidth width of the sum {@code S < length·2^e + 1}: {@code e + nb}
 */
public record ExpTableParams(SoftmaxConfig config, int e, int a, int b, int g, int dBits, int hiBits, int loBits, int q,
                             int sumWidth) implements SoftmaxParams {

    public static ExpTableParams of(SoftmaxConfig c) {
        int fo = c.output().fracBits(), fi = c.input().fracBits();
        int nb = Hdl.ceilLog2(c.length() + 1L);
        int e = fo + 3 + nb;
        int g = Math.min(fi, fo + 4);
        int dInt = 0;
        while (StrictMath.exp(-Math.scalb(1.0, dInt)) > Math.scalb(1.0, -(e + 2))) dInt++;
        int dBits = Math.max(1, Math.min(dInt, c.input().intBits()) + g);
        int loBits = dBits > 8 ? dBits / 2 : 0;
        int hiBits = dBits - loBits;
        int a = loBits == 0 ? e : e + 1;
        int b = loBits == 0 ? 0 : fo + 6;
        int q = fo + 5;
        int sumWidth = e + nb;
        SoftmaxParams.requireAccumulator("sum", sumWidth, c);
        return new ExpTableParams(c, e, a, b, g, dBits, hiBits, loBits, q, sumWidth);
    }

    /** Input fraction bits dropped (with rounding) before the ROM index: {@code Fi - g}. */
    public int dRoundBits() { return config.input().fracBits() - g; }

    /** The ROMs of {@code e^-d} for the index of {@code g} fraction bits: {@code expHi}, {@code expLo}. */
    SplitRom roms() { return SplitRom.of("exp", x -> StrictMath.exp(-x), g, hiBits, loBits, a, b, productShift()); }

    /** Hi ROM: entry {@code h} is {@code round(e^-(h·2^(loBits-g)) · 2^a)}, {@code 2^hiBits} entries of {@code a+1} bits. */
    public long[] hiTable() { return roms().hi(); }

    /** Lo ROM: entry {@code l} is {@code round(e^-(l·2^-g) · 2^b)}, {@code 2^loBits} entries of {@code b+1} bits ({@code [1]} when absent). */
    public long[] loTable() { return roms().lo(); }

    /** Right shift that rounds the ROM product to {@code e} fraction bits: {@code a + b - e}. */
    public int productShift() { return a + b - e; }

    @Override public double errorBound() { return 0.75 * outLsb(); }

    /** {@code length·LSB/2} (independent roundings) plus {@code 2^-q}: the unrounded outputs sum to {@code S·R/2^(k+q)}. */
    @Override public double sumErrorBound() { return config.length() * outLsb() / 2 + Math.scalb(1.0, -q); }

    @Override public int latency() {
        return beatsPerRow() == 1 ? rowLatency() : 2 * beatsPerRow() + 2 * treeStages() + dividerStages() + 13;
    }

    /** One beat a row: registered stages of each lane tree, every second level and its end, {@code ceil(t/2)}. */
    public int rowTreeStages() { return (treeLevels() + 1) / 2; }

    /** One beat a row: the radix-8 divider's stages for the {@code q + 2} quotient bits, {@code ceil((q+2)/3)}. */
    public int rowDividerStages() { return SoftmaxParams.radix8DividerStages(q + 2); }

    /**
     * One beat a row (docs/softmax.md, "One beat a row"): A1, the max tree, B2-B4, the sum tree, R1, the divider, R, C1
     * and the output register, {@code 2·ceil(t/2) + D8 + 8} with D8 = {@link #rowDividerStages()}.
     */
    public int rowLatency() { return 2 * rowTreeStages() + rowDividerStages() + 8; }

    /** Stages of the reciprocal's divider for its {@code q + 2} quotient bits ({@link SoftmaxParams#dividerStages}). */
    public int dividerStages() { return SoftmaxParams.dividerStages(q + 2); }

    /** Delay, in beats, of the x store between pass 1 (write) and pass 2 (read): {@code Lb + ts}. */
    public int xStoreDelay() { return beatsPerRow() + treeStages(); }

    /** Delay, in beats, of the ê store between pass 2 (write) and pass 3 (read): {@code Lb + ts + D + 2}, D the divider's stages. */
    public int eStoreDelay() { return beatsPerRow() + treeStages() + dividerStages() + 2; }

    @Override public Map<String, long[]> tables() { return roms().tables(); }

    @Override public String datapath() {
        int wi = config.input().width();
        StringBuilder s = new StringBuilder();
        s.append(String.format("  d = max - x: %d bits unsigned; rounded to g = %d fraction bits (drop %d), saturated to dBits = %d%n",
                wi, g, dRoundBits(), dBits));
        s.append(roms().describe());
        if (loBits > 0) s.append(String.format("  multiplier per lane, pass 2: %d x %d -> ê with e = %d fraction bits (%d bits)%n", a + 1, b + 1, e, e + 1));
        else s.append(String.format("  ê = ROM output, e = %d fraction bits (%d bits)%n", e, e + 1));
        s.append(String.format("  sum S: %d bits; reciprocal R = round(2^(k+%d)/S): %d bits, divider %d quotient bits in %d stages%n", sumWidth, q, q + 1, q + 2, dividerStages()));
        s.append(String.format("  multiplier per lane, pass 3: %d x %d%n", e + 1, q + 1));
        s.append(String.format("  stores: x delay %d beats x %d lanes x %d bits; ê delay %d beats x %d lanes x %d bits%n",
                xStoreDelay(), config.lanes(), wi, eStoreDelay(), config.lanes(), e + 1));
        return s.toString();
    }
}
