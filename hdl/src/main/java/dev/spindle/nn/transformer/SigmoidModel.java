package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact sigmoid by table: {@code i = clamp(rsh(x, Fx - g), -R·2^g, R·2^g - 1)} with {@code g = min(Fx, 6)} and
 * {@code R = 8}, {@code y = T[i + R·2^g]}, {@code T[j] = min(round(σ((j - R·2^g)·2^-g)·2^Fo), maxRaw)}. Error
 * against σ of the input: at most {@code LSB/2 + 2^-(g+3) + σ(-R)} (table rounding, index rounding times
 * max σ' = 1/4, the clamped tail): 0.00245 for g = 6 and u1.10.
 */
public final class SigmoidModel {
    public static final int RANGE = 8;
    private final FixFormat x;
    private final int g;
    private final long[] table;

    public SigmoidModel(FixFormat input, FixFormat output) {
        this.x = input;
        this.g = Math.min(Math.max(input.fracBits(), 0), 6);
        int half = RANGE << g;
        table = new long[2 * half];
        for (int j = 0; j < table.length; j++) {
            double s = 1 / (1 + StrictMath.exp(-(j - half) * Math.scalb(1.0, -g)));
            table[j] = Math.min(Math.round(Math.scalb(s, output.fracBits())), output.maxRaw());
        }
    }

    public long[] table() { return table.clone(); }

    public double bound(FixFormat output) { return output.lsb() / 2 + Math.scalb(1.0, -(g + 3)) + 1 / (1 + Math.exp(RANGE)); }

    public long apply(long raw) {
        int half = RANGE << g;
        long i = Math.max(-half, Math.min(half - 1, Raw.rsh(raw, x.fracBits() - g)));
        return table[(int) (i + half)];
    }
}
