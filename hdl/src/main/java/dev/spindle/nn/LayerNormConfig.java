package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * Configuration of {@link LayerNorm} over {@code features} values a token: formats of the input x, gamma, beta, the
 * normalized z and the output y; epsilon; {@code rsqrtBits} (P, fraction bits of 1/sqrt) and {@code tableBits} (g,
 * the table has {@code 3·2^g} entries). The constants below are derived here for the hardware; the bit-exact model
 * ({@code LayerNormModel}) derives its own.
 */
public record LayerNormConfig(int features, FixFormat input, FixFormat gamma, FixFormat beta, FixFormat normalized,
                              FixFormat output, double epsilon, int rsqrtBits, int tableBits) {
    public LayerNormConfig {
        Require.range("features", features, 2, 1024);
        for (var f : new FixFormat[] {input, gamma, beta, normalized, output}) {
            Require.nonNull("formats", f);
            Require.that(f.signed(), "formats", "input, gamma, beta, normalized and output must be signed, got " + f);
        }
        Require.range("input width", input.width(), 2, 24);
        Require.range("gamma width", gamma.width(), 2, 24);
        Require.range("beta width", beta.width(), 2, 32);
        Require.range("normalized width", normalized.width(), 2, 24);
        Require.that(epsilon >= 0 && Double.isFinite(epsilon), "epsilon", "must be finite and >= 0, got " + epsilon);
        Require.range("rsqrtBits", rsqrtBits, 8, 20);
        Require.range("tableBits", tableBits, 2, Math.min(10, rsqrtBits));
        Require.that(beta.fracBits() <= normalized.fracBits() + gamma.fracBits(), "beta.fracBits",
                "= " + beta.fracBits() + " is out of range: allowed at most normalized + gamma fraction bits = "
                        + (normalized.fracBits() + gamma.fracBits()));
        Require.that(rsqrtBits + sqrtShift(features) - normalized.fracBits() >= 1, "normalized.fracBits",
                "= " + normalized.fracBits() + " is out of range: allowed at most rsqrtBits + " + (sqrtShift(features) - 1));
        Require.range("variance sum width", sumBits(features, input), 2, 62);
    }

    /** Width of {@code d_i = n·x_i - Σx}. */
    public int dBits() { return input.width() + log2(features) + 1; }

    static int sumBits(int n, FixFormat input) { return 2 * (input.width() + log2(n) + 1) + log2(n); }

    /** Width of {@code U = Σ d_i² + E} (unsigned). */
    public int uBits() { return sumBits(features, input); }

    /** {@code E = round(epsilon·n³·2^(2Fx))}. */
    public long epsRaw() { return Math.round(epsilon * Math.pow(features, 3) * Math.scalb(1.0, 2 * input.fracBits())); }

    /** sqrt(n) as {@code C·2^-c}: exact when n is a power of 4. */
    public long sqrtConst() {
        return sqrtShift(features) == 0 ? 1L << (log2(features) / 2) : Math.round(Math.sqrt(features) * 65536);
    }

    static int sqrtShift(int n) { return Integer.bitCount(n) == 1 && log2(n) % 2 == 0 ? 0 : 16; }

    public int sqrtShift() { return sqrtShift(features); }

    /** The 1/sqrt table over {@code m = 1 + j·2^-g} bins: {@code T[j] = round(2^P / sqrt(1 + (j + 1/2)·2^-g))}, 3·2^g entries. */
    public long[] rsqrtTable() {
        long[] t = new long[3 << tableBits];
        for (int j = 0; j < t.length; j++) {
            t[j] = Math.round(Math.scalb(1.0, rsqrtBits) / StrictMath.sqrt(1 + (j + 0.5) * Math.scalb(1.0, -tableBits)));
        }
        return t;
    }

    /** ceil(log2 n). */
    static int log2(long n) { return n <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(n - 1); }

    /** Pipeline stages: sum, d, squares and their sum, normalise, table, three Newton products, z, y. */
    public int latency() { return 11; }
}
