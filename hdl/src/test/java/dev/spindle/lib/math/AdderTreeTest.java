package dev.spindle.lib.math;

import dev.spindle.tools.RandomRaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The adder tree's model against exact sums in BigInteger and double, its latency formula, its config's messages. */
class AdderTreeTest {
    private static final long SEED = 0xADD7_2EEL;

    @ParameterizedTest(name = "n={0} width={1} signed={2}")
    @CsvSource({"1,8,true", "2,1,true", "3,1,false", "7,8,true", "16,12,false", "100,20,true", "4096,40,false", "33,51,true"})
    void modelIsTheExactSumAndFitsTheOutputWidth(int n, int width, boolean signed) {
        var c = new AdderTree.Config(n, width, signed, 1, false);
        var model = new AdderTreeModel(c);
        Random rnd = new Random(SEED + n);
        for (int v = 0; v < 2_000; v++) {
            long[] xs = new long[n];
            int edge = v % 3;                                      // all minimum, all maximum, or random
            for (int i = 0; i < n; i++) {
                xs[i] = v < 3 ? (edge == 0 ? RandomRaw.min(signed, width) : edge == 1 ? RandomRaw.max(signed, width) : 0) : RandomRaw.next(rnd, signed, width);
            }
            BigInteger exact = BigInteger.ZERO;
            double inDouble = 0;
            for (long x : xs) {
                exact = exact.add(BigInteger.valueOf(x));
                inDouble += x;
            }
            long got = model.sum(xs);
            int vector = v;
            assertEquals(exact.longValueExact(), got, () -> "seed " + SEED + " n " + n + " vector " + vector);
            if (c.outWidth() <= 53) assertEquals(inDouble, (double) got, () -> "seed " + SEED + " vector " + vector);
            int ow = c.outWidth();
            assertTrue(got >= RandomRaw.min(signed, ow) && got <= RandomRaw.max(signed, ow),
                    () -> got + " does not fit the " + ow + "-bit output (seed " + SEED + " vector " + vector + ")");
        }
    }

    @Test
    void latencyIsFloorOfLevelsOverK() {
        for (int n = 1; n <= 300; n++) {
            int levels = 0;
            while ((1L << levels) < n) levels++;                   // ceil(log2 n), independently
            assertEquals(0, AdderTree.latency(n, 0), "n " + n + " k 0");
            for (int k = 1; k <= 10; k++) {
                assertEquals(levels / k, AdderTree.latency(n, k), "n " + n + " k " + k);
                assertEquals(levels / k, new AdderTree.Config(n, 8, true, k, false).latency());
            }
        }
    }

    @Test
    void configMessagesNameTheFieldAndRange() {
        assertEquals("n = 0 is out of range: allowed 1..4096",
                assertThrows(IllegalArgumentException.class, () -> new AdderTree.Config(0, 8, true, 1, false)).getMessage());
        assertEquals("width = 60 is out of range: allowed 1..51 (the sum has width + ceil(log2 n) bits, at most 63, for n = 4096)",
                assertThrows(IllegalArgumentException.class, () -> new AdderTree.Config(4096, 60, true, 1, false)).getMessage());
        assertEquals("registerEvery = -1 is out of range: allowed 0..64 (0: no register)",
                assertThrows(IllegalArgumentException.class, () -> new AdderTree.Config(4, 8, true, -1, false)).getMessage());
    }
}
