package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Test rows: seeded random rows shaped like attention scores, and adversarial rows. */
final class SoftmaxRows {
    private SoftmaxRows() {}

    /** A named row. */
    record Row(String name, long[] raw) {}

    /**
     * A random row, one of: uniform over the whole input range; Gaussian around a random centre with a spread of
     * 0.25..8; one-sided (a few near the max, a long tail); a few distinct levels.
     */
    static long[] random(Random rnd, SoftmaxConfig c) {
        FixFormat in = c.input();
        long[] x = new long[c.length()];
        int kind = rnd.nextInt(4);
        double sigma = new double[] {0.25, 1, 2, 4, 8}[rnd.nextInt(5)];
        double centre = in.min() + rnd.nextDouble() * (in.max() - in.min());
        double[] levels = {centre, centre - sigma, centre - 2 * sigma, centre + sigma / 4};
        for (int i = 0; i < x.length; i++) {
            double v = switch (kind) {
                case 0 -> in.min() + rnd.nextDouble() * (in.max() - in.min());
                case 1 -> centre + sigma * rnd.nextGaussian();
                case 2 -> centre - 3 * sigma * Math.abs(rnd.nextGaussian());
                default -> levels[rnd.nextInt(levels.length)];
            };
            x[i] = in.fromDouble(v);
        }
        return x;
    }

    /**
     * Adversarial rows: all equal (at the top, zero and the bottom of the range), all min, one huge (first, middle,
     * last) over a floor of min, max spread (alternating max/min), staircases, near ties, and two-level rows
     * ({@code k} elements at the max, the rest {@code d} below, for k = 1, 2, n/2, n-1 and d scanned over the range).
     */
    static List<Row> adversarial(SoftmaxConfig c) {
        FixFormat in = c.input();
        int n = c.length();
        long lo = in.minRaw(), hi = in.maxRaw(), zero = Math.max(lo, Math.min(hi, 0));
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("all equal (max)", fill(n, hi)));
        rows.add(new Row("all equal (zero)", fill(n, zero)));
        rows.add(new Row("all min", fill(n, lo)));
        for (int pos : new int[] {0, n / 2, n - 1}) {
            long[] x = fill(n, lo);
            x[pos] = hi;
            rows.add(new Row("one huge at " + pos, x));
        }
        long[] spread = new long[n];
        for (int i = 0; i < n; i++) spread[i] = i % 2 == 0 ? hi : lo;
        rows.add(new Row("max spread", spread));
        for (long step : new long[] {1, 1L << Math.max(0, in.fracBits() - 3), 1L << in.fracBits(), (hi - lo) / Math.max(1, n - 1)}) {
            long[] x = new long[n];
            for (int i = 0; i < n; i++) x[i] = Math.max(lo, hi - i * step);
            rows.add(new Row("staircase step " + step, x));
        }
        long[] tie = fill(n, zero);
        if (n > 1) tie[n - 1] = Math.min(hi, zero + 1);
        rows.add(new Row("near tie", tie));
        long range = hi - lo;
        long fine = Math.min(range, 4L << in.fracBits());                    // every raw step up to 4.0 below the max
        for (int k : new int[] {1, 2, n / 2, n - 1}) {
            if (k < 1 || k >= n) continue;
            for (long d = 1; d <= range; d += d <= fine ? Math.max(1, fine / 512) : Math.max(1, range / 256)) {
                long[] x = fill(n, hi - d);
                Arrays.fill(x, 0, k, hi);
                rows.add(new Row(k + " at max, " + (n - k) + " at max - " + d + " raw", x));
            }
        }
        return rows;
    }

    private static long[] fill(int n, long v) {
        long[] x = new long[n];
        Arrays.fill(x, v);
        return x;
    }
}
