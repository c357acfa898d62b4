package dev.spindle.lib.math;

import dev.spindle.tools.RandomRaw;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The max tree's model against a sort (the maximum) and a search (its first index), with many ties. */
class MaxTreeTest {
    private static final long SEED = 0x3A7_72EEL;

    @ParameterizedTest(name = "n={0} width={1} signed={2}")
    @CsvSource({"1,5,true", "2,1,false", "3,2,true", "9,3,true", "16,10,false", "197,6,true", "1000,63,true", "64,63,false"})
    void modelIsTheMaximumAtItsFirstIndex(int n, int width, boolean signed) {
        var model = new MaxTreeModel(new MaxTree.Config(n, width, signed, 1, true, false));
        Random rnd = new Random(SEED + n);
        for (int v = 0; v < 2_000; v++) {
            long[] xs = new long[n];
            for (int i = 0; i < n; i++) xs[i] = RandomRaw.next(rnd, signed, width);
            long[] sorted = xs.clone();
            Arrays.sort(sorted);
            double max = Double.NEGATIVE_INFINITY;                          // the float reference
            for (long x : xs) max = Math.max(max, x);
            int first = 0;
            while (xs[first] != sorted[n - 1]) first++;
            var got = model.apply(xs);
            int vector = v;
            assertEquals(sorted[n - 1], got.max(), () -> "seed " + SEED + " n " + n + " vector " + vector);
            assertEquals(first, got.index(), () -> "seed " + SEED + " n " + n + " vector " + vector + ": " + Arrays.toString(xs));
            if (width < 53) assertEquals(max, (double) got.max());
        }
    }

    @Test
    void tiesGoToTheLowestIndex() {
        var model = new MaxTreeModel(new MaxTree.Config(5, 4, true, 0, true, false));
        assertEquals(new MaxTreeModel.Result(3, 1), model.apply(-1, 3, 3, -8, 3));
        assertEquals(new MaxTreeModel.Result(-8, 0), model.apply(-8, -8, -8, -8, -8));
    }

    @Test
    void configMessagesNameTheFieldAndRange() {
        assertEquals("width = 64 is out of range: allowed 1..63",
                assertThrows(IllegalArgumentException.class, () -> new MaxTree.Config(4, 64, true, 1, true, false)).getMessage());
        assertEquals("n = 5000 is out of range: allowed 1..4096",
                assertThrows(IllegalArgumentException.class, () -> new MaxTree.Config(5000, 8, true, 1, true, false)).getMessage());
        assertEquals(4, new MaxTree.Config(9, 8, true, 1, true, false).indexWidth());
        assertEquals(1, new MaxTree.Config(1, 8, true, 1, true, false).indexWidth());
    }
}
