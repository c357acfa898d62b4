package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * docs/softmax.md transcribed a second time, independently of the model's code: parameters from the formulas of the
 * doc's tables, ROMs from their definitions, the numbered steps in arbitrary-precision integers. The model must agree
 * bit for bit, so the doc a hardware engineer reads is the specification the model implements.
 */
class SoftmaxSpecTranscriptionTest {
    static final String[][] FORMATS = {{"s6.10", "u1.8"}, {"s8.8", "u1.15"}, {"s4.4", "u1.8"}, {"u8.8", "u1.12"}, {"s3.14", "u2.6"}};
    static final int[][] SHAPES = {{1, 1}, {8, 4}, {8, 8}, {64, 4}, {197, 1}};

    @Test void modelFollowsTheDocument() {
        long seed = 99;
        Random rnd = new Random(seed);
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values())
            for (String[] f : FORMATS)
                for (int[] s : SHAPES) {
                    SoftmaxConfig c = new SoftmaxConfig(s[0], s[1], FixFormat.parse(f[0]), FixFormat.parse(f[1]), alg);
                    SoftmaxModel model = new SoftmaxModel(c);
                    for (int r = 0; r < 200; r++) {
                        long[] x = SoftmaxRows.random(rnd, c);
                        long[] doc = switch (alg) {
                            case EXP_TABLE -> expTable(c, x);
                            case BASE2 -> base2(c, x);
                            case SHIFTMAX -> shiftmax(c, x);
                        };
                        assertArrayEquals(doc, model.apply(x), c + " row " + r + " (seed " + seed + "): " + Arrays.toString(x));
                    }
                    List<SoftmaxRows.Row> adversarial = SoftmaxRows.adversarial(c);
                    for (int a = 0; a < adversarial.size(); a += a < 12 ? 1 : 7) {         // the special rows, then a sample of the scans
                        SoftmaxRows.Row row = adversarial.get(a);
                        long[] doc = switch (alg) {
                            case EXP_TABLE -> expTable(c, row.raw());
                            case BASE2 -> base2(c, row.raw());
                            case SHIFTMAX -> shiftmax(c, row.raw());
                        };
                        assertArrayEquals(doc, model.apply(row.raw()), c + " " + row.name());
                    }
                }
    }

    // ---- section 2: notation ----
    static BigInteger big(long v) { return BigInteger.valueOf(v); }
    static BigInteger pow2(int s) { return BigInteger.ONE.shiftLeft(s); }
    static BigInteger rsh(BigInteger v, int s) { return s <= 0 ? v : v.add(pow2(s - 1)).shiftRight(s); }
    static int lead(BigInteger s) { return s.bitLength() - 1; }
    static BigInteger recip(BigInteger s, int q) { return pow2(lead(s) + q + 1).divide(s).add(BigInteger.ONE).shiftRight(1); }
    static long clamp(BigInteger v, SoftmaxConfig c) {
        return v.min(big(Math.min(1L << c.output().fracBits(), c.output().maxRaw()))).longValueExact();
    }
    static int nb(SoftmaxConfig c) { int b = 0; while ((1L << b) < c.length() + 1L) b++; return b; }
    static long romEntry(double value, int frac) { return Math.round(Math.scalb(value, frac)); }

    /** ROM contents by their definitions in the doc, computed once per configuration and ROM. */
    private static final Map<String, long[]> ROMS = new HashMap<>();

    static long rom(SoftmaxConfig c, String name, int size, IntToDoubleFunction value, int frac, int index) {
        return ROMS.computeIfAbsent(c + name, k -> {
            long[] t = new long[size];
            for (int i = 0; i < size; i++) t[i] = romEntry(value.applyAsDouble(i), frac);
            return t;
        })[index];
    }

    // ---- section 4: EXP_TABLE ----
    static long[] expTable(SoftmaxConfig c, long[] x) {
        int fo = c.output().fracBits(), fi = c.input().fracBits(), n = x.length;
        int e = fo + 3 + nb(c), g = Math.min(fi, fo + 4), dd = 0;
        while (StrictMath.exp(-Math.pow(2, dd)) > Math.pow(2, -(e + 2))) dd++;
        int dBits = Math.max(1, Math.min(dd, c.input().intBits()) + g);
        int loBits = dBits > 8 ? dBits / 2 : 0, hiBits = dBits - loBits;
        int a = loBits == 0 ? e : e + 1, b = loBits == 0 ? 0 : fo + 6, q = fo + 5;
        assertEquals(new ExpTableParams(c, e, a, b, g, dBits, hiBits, loBits, q, e + nb(c)), c.params());
        long M = Arrays.stream(x).max().orElseThrow();                                  // 1
        BigInteger[] eh = new BigInteger[n];
        BigInteger S = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger d = big(M - x[i]);                                               // 2
            long dq = rsh(d, fi - g).min(big((1L << dBits) - 1)).longValueExact();      // 3
            long h = dq >> loBits, l = dq & ((1L << loBits) - 1);                       // 4
            long hiRom = rom(c, "expHi", 1 << hiBits, hh -> StrictMath.exp(-hh * Math.pow(2, loBits - g)), a, (int) h);
            long loRom = rom(c, "expLo", 1 << loBits, ll -> StrictMath.exp(-ll * Math.pow(2, -g)), b, (int) l);
            eh[i] = rsh(big(hiRom).multiply(big(loRom)), a + b - e);                    // 5
            S = S.add(eh[i]);                                                           // 6
        }
        int k = lead(S);                                                                // 7
        BigInteger R = recip(S, q);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = clamp(rsh(eh[i].multiply(R), k + q - fo), c);   // 8
        return out;
    }

    // ---- section 5: BASE2 ----
    static long[] base2(SoftmaxConfig c, long[] x) {
        int fo = c.output().fracBits(), fi = c.input().fracBits(), n = x.length, lanes = c.lanes();
        int cc = fo + 8, fy = fo + 4, yShift = fi + cc - fy;
        long C = Math.round(Math.scalb(1 / Math.log(2), cc));
        int loBits = fy > 8 ? fy / 2 : 0, hiBits = fy - loBits, mb = fo + 8, a = mb, b = loBits == 0 ? 0 : fo + 8;
        int g = Math.max(mb, fo + 6 + nb(c)), q = fo + 5;
        assertEquals(new Base2Params(c, cc, C, fy, yShift, hiBits, loBits, a, b, mb, g, q, g + nb(c)), c.params());
        BigInteger[] u = new BigInteger[n], m = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            BigInteger y = rsh(big(x[i]).multiply(big(C)), yShift);                     // 1
            u[i] = y.negate().shiftRight(fy).negate();                                  // 2
            long j = y.negate().and(big((1L << fy) - 1)).longValueExact();
            long hiRom = rom(c, "pow2Hi", 1 << hiBits, hh -> StrictMath.pow(2, -hh * Math.pow(2, loBits - fy)), a, (int) (j >> loBits));
            long loRom = rom(c, "pow2Lo", 1 << loBits, ll -> StrictMath.pow(2, -ll * Math.pow(2, -fy)), b, (int) (j & ((1L << loBits) - 1)));
            m[i] = rsh(big(hiRom).multiply(big(loRom)), a + b - mb);                    // 3
        }
        BigInteger M = null, S = null;
        for (int beat = 0; beat < n / lanes; beat++) {
            BigInteger B = null, T = BigInteger.ZERO;
            for (int i = beat * lanes; i < (beat + 1) * lanes; i++) B = B == null ? u[i] : B.max(u[i]);   // 4
            for (int i = beat * lanes; i < (beat + 1) * lanes; i++) T = T.add(m[i].shiftLeft(g - mb).shiftRight(B.subtract(u[i]).intValueExact()));
            if (M == null) { M = B; S = T; continue; }                                  // 5
            BigInteger M2 = M.max(B);
            S = S.shiftRight(M2.subtract(M).intValueExact()).add(T.shiftRight(M2.subtract(B).intValueExact()));
            M = M2;
        }
        int k = lead(S);                                                                // 6
        BigInteger R = recip(S, q);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {                                                   // 7
            int s = M.subtract(u[i]).intValueExact();
            out[i] = clamp(rsh(m[i].multiply(R), k + s + (q + mb - g - fo)), c);
        }
        return out;
    }

    // ---- section 6: SHIFTMAX ----
    static long[] shiftmax(SoftmaxConfig c, long[] x) {
        int fo = c.output().fracBits(), fi = c.input().fracBits(), n = x.length;
        int fe = fo + nb(c) + 1, k = fe + nb(c) + fo + 2;
        assertEquals(new ShiftmaxParams(c, fe, k, fe + nb(c)), c.params());
        long M = Arrays.stream(x).max().orElseThrow();                                  // 1
        BigInteger[] E = new BigInteger[n];
        BigInteger S = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger D = big(x[i] - M);                                               // 2
            BigInteger P = D.add(D.shiftRight(1)).subtract(D.shiftRight(4));            // 3
            int q = P.negate().shiftRight(fi).intValueExact();                          // 4
            BigInteger r = P.add(big(q).shiftLeft(fi));
            BigInteger lin = pow2(fi + 1).add(r);                                       // 5
            int sh = fe - fi - 1 - q;
            E[i] = sh >= 0 ? lin.shiftLeft(sh) : lin.shiftRight(-sh);
            S = S.add(E[i]);                                                            // 6
        }
        BigInteger F = pow2(k).divide(S);                                               // 7
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = clamp(rsh(E[i].multiply(F), k - fo), c);  // 8
        return out;
    }
}
