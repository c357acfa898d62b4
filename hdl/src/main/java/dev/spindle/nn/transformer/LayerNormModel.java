package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact LayerNorm over n features (docs/transformer.md, "LayerNorm"). All integer:
 * <pre>
 *   S = Σ x_i;  d_i = n·x_i - S              (= n·(x_i - mean), exact)
 *   U = Σ d_i² + E,  E = round(eps·n³·2^(2Fx))   (= n³·(var + eps), exact apart from E's rounding)
 *   k = floor(lead(U)/2);  m = U·2^(P-2k) in [2^P, 2^(P+2))   (truncated when 2k > P)
 *   r0 = T[(m >> (P-g)) - 2^g],  T[i] = round(2^P / sqrt(1 + (i + 1/2)·2^-g))      (3·2^g entries)
 *   a = rsh(r0², P);  t = rsh(a·m, P);  r1 = rsh(r0·(3·2^P - t), P+1)            (one Newton step for 1/sqrt(m))
 *   z_i = sat_Z(rsh(d_i·C·r1, P + k + c - Fz)),  C·2^-c = sqrt(n)  (C = sqrt(n), c = 0 when n is a power of 4)
 *   y_i = sat_Y(rsh(z_i·gamma_i + beta_i·2^(Fz+Fg-Fb), Fz+Fg-Fy))
 * </pre>
 * U = 0 (all inputs equal and eps = 0) gives z = 0. Every variance the input format allows is handled: U is exact
 * and normalised to its leading bit pair before the table, so there is no range to saturate.
 */
public final class LayerNormModel {
    private final int n;
    private final FixFormat x;
    private final FixFormat z;
    private final FixFormat y;
    private final long[] gamma;
    private final long[] beta;
    private final int fg;
    private final int betaShift;
    private final long epsRaw;
    private final int p;
    private final int g;
    private final long[] table;
    private final long c;
    private final int cShift;

    public LayerNormModel(NormSpec spec, FixFormat input, QuantizedArray gamma, QuantizedArray beta, int features) {
        this.n = features;
        this.x = input;
        this.z = spec.normalized();
        this.y = spec.output();
        this.gamma = gamma.raw();
        this.beta = beta.raw();
        this.fg = gamma.format().fracBits();
        this.betaShift = z.fracBits() + fg - beta.format().fracBits();
        if (betaShift < 0) throw new IllegalArgumentException(spec.name() + ": beta has more fraction bits than normalized + gamma");
        this.epsRaw = Math.round(spec.epsilon() * Math.pow(n, 3) * Math.scalb(1.0, 2 * input.fracBits()));
        this.p = spec.rsqrtBits();
        this.g = spec.tableBits();
        this.table = rsqrtTable(p, g);
        int log4 = Raw.lead(n) / 2;
        if (Long.bitCount(n) == 1 && Raw.lead(n) % 2 == 0) {
            c = 1L << log4;
            cShift = 0;
        } else {
            c = Math.round(Math.sqrt(n) * 65536);
            cShift = 16;
        }
        int dBits = input.width() + Raw.clog2(n) + 1;
        int uBits = 2 * dBits + Raw.clog2(n);
        if (uBits > 62 || dBits + Raw.signedBits(c) + p + 1 > 62) {
            throw new IllegalArgumentException(spec.name() + ": input " + input + " over " + n + " features needs " + uBits
                    + "-bit variance sums: allowed at most 62 (narrow the input format)");
        }
    }

    /** The reciprocal-square-root table: {@code T[i] = round(2^P / sqrt(1 + (i + 1/2)·2^-g))}, 3·2^g entries. */
    public static long[] rsqrtTable(int p, int g) {
        long[] t = new long[3 << g];
        for (int i = 0; i < t.length; i++) t[i] = Math.round(Math.scalb(1.0, p) / StrictMath.sqrt(1 + (i + 0.5) * Math.scalb(1.0, -g)));
        return t;
    }

    public long[] table() { return table.clone(); }

    /**
     * Bound on the relative error of {@code z} before its final rounding, for a row whose exact sum is {@code u}:
     * table (half an interval, {@code 2^-(g+2)}) squared by Newton ({@code 1.5·2^-(2g+4)}), five roundings of
     * {@code 2^-P}, epsilon's rounding ({@code 0.25/U}) and sqrt(n)'s constant ({@code 2^-17}). The stated bound of a
     * LayerNorm output is then {@code |gamma|·(|z|·rel + LSB_z/2) + LSB_y/2}.
     */
    public double relativeError(long u) {
        return 1.5 * Math.scalb(1.0, -(2 * g + 4)) + 5 * Math.scalb(1.0, -p) + 0.25 / Math.max(1, u) + Math.scalb(1.0, -17);
    }

    /** {@code U = Σ d_i² + E} of a row (see the class comment). */
    public long sumOfSquares(long[] xs) {
        long s = 0;
        for (long v : xs) s += v;
        long u = epsRaw;
        for (long v : xs) u += (n * v - s) * (n * v - s);
        return u;
    }

    /** {@code r1·2^-P·2^-k ≈ 1/sqrt(u)}: returns {r1, k}. */
    long[] rsqrt(long u) {
        int k = Raw.lead(u) / 2;
        long m = 2 * k <= p ? u << (p - 2 * k) : u >> (2 * k - p);
        long r0 = table[(int) ((m >> (p - g)) - (1L << g))];
        long a = Raw.rsh(r0 * r0, p);
        long t = Raw.rsh(a * m, p);
        long r1 = Raw.rsh(r0 * ((3L << p) - t), p + 1);
        return new long[] {r1, k};
    }

    public long[] apply(long[] xs) {
        long s = 0;
        for (long v : xs) s += v;
        long[] d = new long[n];
        long u = epsRaw;
        for (int i = 0; i < n; i++) {
            d[i] = n * xs[i] - s;
            u += d[i] * d[i];
        }
        long[] out = new long[n];
        long r1 = 0;
        int k = 0;
        if (u > 0) {
            long[] rk = rsqrt(u);
            r1 = rk[0];
            k = (int) rk[1];
        }
        for (int i = 0; i < n; i++) {
            long zi = u == 0 ? 0 : Raw.sat(Raw.rsh(d[i] * c * r1, p + k + cShift - z.fracBits()), z);
            out[i] = Raw.sat(Raw.rsh(zi * gamma[i] + (beta[i] << betaShift), z.fracBits() + fg - y.fracBits()), y);
        }
        return out;
    }

    public long[] applyTokens(long[] xs, int tokens) {
        long[] out = new long[xs.length];
        long[] row = new long[n];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(xs, t * n, row, 0, n);
            System.arraycopy(apply(row), 0, out, t * n, n);
        }
        return out;
    }
}
