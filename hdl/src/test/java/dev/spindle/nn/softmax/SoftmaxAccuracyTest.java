package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * SoftmaxModel against the float reference (on the quantized inputs): every probability within
 * {@link SoftmaxParams#errorBound()}, every row sum within {@link SoftmaxParams#sumErrorBound()}, for each algorithm,
 * several formats and the row shapes of the acceptance matrix. Prints the measured table at the end.
 */
class SoftmaxAccuracyTest {
    static final long SEED = 0x5EED_50F7L;
    static final int RANDOM_ROWS = 1500;
    /** The acceptance criterion for EXP_TABLE with 8 output fraction bits: at most 1 LSB. */
    static final double EXP_TABLE_U8_LIMIT_LSB = 1.0;

    static final String[][] FORMATS = {{"s6.10", "u1.8"}, {"s8.8", "u1.15"}, {"s4.4", "u1.8"}, {"u8.8", "u1.12"}, {"s6.10", "u1.4"}};
    /** (length, lanes): lengths 8, 64, 197 with lanes 1, 4, 8 where they divide the row, plus a one-element row. */
    static final int[][] SHAPES = {{1, 1}, {8, 1}, {8, 4}, {8, 8}, {64, 1}, {64, 4}, {64, 8}, {197, 1}};

    /** Worst measured per algorithm and format (over shapes): {error LSB, bound LSB, |sum-1|, sum bound}. */
    private static final Map<String, double[]> MEASURED = new TreeMap<>();

    static Stream<Arguments> configs() {
        List<Arguments> list = new ArrayList<>();
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values())
            for (String[] f : FORMATS)
                for (int[] s : SHAPES)
                    list.add(Arguments.of(new SoftmaxConfig(s[0], s[1], FixFormat.parse(f[0]), FixFormat.parse(f[1]), alg)));
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void withinStatedBounds(SoftmaxConfig c) {
        SoftmaxModel model = new SoftmaxModel(c);
        SoftmaxParams p = c.params();
        long seed = SEED ^ c.toString().hashCode();   // String hashes are stable across runs
        Random rnd = new Random(seed);
        double[] worst = new double[2];
        for (int r = 0; r < RANDOM_ROWS; r++) {
            check(model, p, SoftmaxRows.random(rnd, c), "random row " + r + " (seed " + seed + ")", worst);
        }
        for (SoftmaxRows.Row row : SoftmaxRows.adversarial(c)) check(model, p, row.raw(), row.name(), worst);
        if (c.algorithm() == SoftmaxAlgorithm.EXP_TABLE && c.output().fracBits() == 8) {
            assertTrue(worst[0] <= EXP_TABLE_U8_LIMIT_LSB * c.output().lsb(), "EXP_TABLE u.8 error " + worst[0] + " > 1 LSB");
        }
        record(c, p, worst);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configs")
    void oneElementRowIsExactlyOne(SoftmaxConfig c) {
        if (c.length() != 1) return;
        SoftmaxModel model = new SoftmaxModel(c);
        for (long x : new long[] {c.input().minRaw(), 0, c.input().maxRaw()}) {
            long v = Math.max(c.input().minRaw(), Math.min(c.input().maxRaw(), x));
            assertEquals(1L << c.output().fracBits(), model.apply(new long[] {v})[0], c + " row [" + v + "]");
        }
    }

    private static void check(SoftmaxModel model, SoftmaxParams p, long[] raw, String what, double[] worst) {
        SoftmaxConfig c = model.config();
        long[] out = model.apply(raw);
        double[] ref = SoftmaxReference.applyRaw(raw, c.input());
        double sum = 0;
        for (int i = 0; i < raw.length; i++) {
            double got = c.output().toDouble(out[i]);
            double err = Math.abs(got - ref[i]);
            if (err > p.errorBound()) {
                fail(String.format("%s, %s: p[%d] = %.6f (raw %d) vs reference %.6f: error %.3f LSB > bound %.3f LSB",
                        c, what, i, got, out[i], ref[i], err / c.output().lsb(), p.errorBound() / c.output().lsb()));
            }
            worst[0] = Math.max(worst[0], err);
            sum += got;
        }
        double sumErr = Math.abs(sum - 1);
        if (sumErr > p.sumErrorBound()) {
            fail(String.format("%s, %s: row sum %.6f, |sum - 1| = %.6f > bound %.6f", c, what, sum, sumErr, p.sumErrorBound()));
        }
        worst[1] = Math.max(worst[1], sumErr);
    }

    private static synchronized void record(SoftmaxConfig c, SoftmaxParams p, double[] worst) {
        String key = String.format("%d %s  %s -> %s", c.algorithm().ordinal(), c.algorithm(), c.input(), c.output());
        double lsb = c.output().lsb();
        double[] m = MEASURED.computeIfAbsent(key, k -> new double[4]);
        m[0] = Math.max(m[0], worst[0] / lsb);
        m[1] = Math.max(m[1], p.errorBound() / lsb);
        m[2] = Math.max(m[2], worst[1]);
        m[3] = Math.max(m[3], p.sumErrorBound());
    }

    @AfterAll
    static void printTable() {
        System.out.println();
        System.out.println("Softmax model vs float reference, worst over lengths 1, 8, 64, 197 and lanes 1, 4, 8 ("
                + RANDOM_ROWS + " random rows each plus adversarial rows):");
        System.out.println("| algorithm | input -> output | max error (LSB) | bound (LSB) | max error (abs) | max abs(sum - 1) | sum bound |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        MEASURED.forEach((key, m) -> {
            String[] parts = key.split("\\s+", 3);
            System.out.printf("| %s | %s | %.3f | %.3f | %.5f | %.4f | %.4f |%n", parts[1], parts[2].trim(), m[0], m[1],
                    m[0] * lsbOf(parts[2]), m[2], m[3]);
        });
    }

    private static double lsbOf(String formats) {
        String out = formats.substring(formats.indexOf("->") + 2).trim();
        return FixFormat.parse(out).lsb();
    }
}
