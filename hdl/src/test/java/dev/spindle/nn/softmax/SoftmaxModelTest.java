package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxModelTest {
    static final FixFormat S6_10 = FixFormat.parse("s6.10"), U1_8 = FixFormat.parse("u1.8");

    static SoftmaxModel model(int length, int lanes, SoftmaxAlgorithm alg) {
        return new SoftmaxModel(new SoftmaxConfig(length, lanes, S6_10, U1_8, alg));
    }

    /** The worked example of docs/softmax.md: length 4, lanes 2, s6.10 -> u1.8, scores 1.0, 0.5, -2.0, 3.25. */
    @Test void workedExampleOfTheDoc() {
        long[] x = {1024, 512, -2048, 3328};
        RowTrace e = model(4, 2, SoftmaxAlgorithm.EXP_TABLE).trace(x);
        assertArrayEquals(new long[] {23, 14, 1, 218}, e.output());
        assertEquals(3328, e.max());
        assertEquals(19245, e.sum());
        assertEquals(6974, e.reciprocal());
        RowTrace b = model(4, 2, SoftmaxAlgorithm.BASE2).trace(x);
        assertArrayEquals(new long[] {23, 14, 1, 218}, b.output());
        assertEquals(5, b.max());
        assertEquals(124075, b.sum());
        assertEquals(4327, b.reciprocal());
        RowTrace s = model(4, 2, SoftmaxAlgorithm.SHIFTMAX).trace(x);
        assertArrayEquals(new long[] {24, 14, 1, 217}, s.output());
        assertEquals(3328, s.max());
        assertEquals(4839, s.sum());
        assertEquals(6934, s.reciprocal());
    }

    @Test void romsHoldTheSpecifiedIntegers() {
        ExpTableParams e = (ExpTableParams) model(64, 4, SoftmaxAlgorithm.EXP_TABLE).params();
        long[] hi = model(64, 4, SoftmaxAlgorithm.EXP_TABLE).table("expHi"), lo = model(64, 4, SoftmaxAlgorithm.EXP_TABLE).table("expLo");
        assertEquals(1 << e.hiBits(), hi.length);
        assertEquals(1 << e.loBits(), lo.length);
        assertEquals(1L << e.a(), hi[0]);
        assertEquals(1L << e.b(), lo[0]);
        assertEquals(0, hi[hi.length - 1], "the saturated index stands for (almost) zero");
        for (int i = 1; i < hi.length; i++) assertTrue(hi[i] <= hi[i - 1]);
        for (int i = 1; i < lo.length; i++) assertTrue(lo[i] < lo[i - 1]);
        assertEquals(462683, hi[1]);                                       // round(e^-(1·2^(7-10)) · 2^19)
        assertEquals(16368, lo[1]);                                        // round(e^-(2^-10) · 2^14)
        Base2Params b = (Base2Params) model(64, 4, SoftmaxAlgorithm.BASE2).params();
        for (long v : b.hiTable()) assertTrue(v > 1L << (b.a() - 1) && v <= 1L << b.a());
        for (long v : b.loTable()) assertTrue(v > 1L << (b.b() - 1) && v <= 1L << b.b());
        assertEquals(Map.of(), model(64, 4, SoftmaxAlgorithm.SHIFTMAX).tables());
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> model(8, 1, SoftmaxAlgorithm.BASE2).table("expHi"));
        assertTrue(ex.getMessage().contains("no ROM 'expHi' in BASE2: ROMs are [pow2Hi, pow2Lo]"), ex.getMessage());
    }

    /** EXP_TABLE and SHIFTMAX sums are exact, so lanes cannot change a result; BASE2's per-beat truncation may. */
    @Test void exactSumAlgorithmsDoNotDependOnLanes() {
        Random rnd = new Random(7);
        for (SoftmaxAlgorithm alg : new SoftmaxAlgorithm[] {SoftmaxAlgorithm.EXP_TABLE, SoftmaxAlgorithm.SHIFTMAX}) {
            SoftmaxModel one = model(64, 1, alg), four = model(64, 4, alg), eight = model(64, 8, alg);
            for (int r = 0; r < 500; r++) {
                long[] x = SoftmaxRows.random(rnd, one.config());
                assertArrayEquals(one.apply(x), four.apply(x), alg + " row " + Arrays.toString(x));
                assertArrayEquals(one.apply(x), eight.apply(x), alg + " row " + Arrays.toString(x));
            }
        }
    }

    @Test void rowsAreCheckedAgainstTheConfiguration() {
        SoftmaxModel m = model(8, 4, SoftmaxAlgorithm.EXP_TABLE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.apply(new long[7]));
        assertTrue(e.getMessage().contains("row length = 7 does not match the configuration: expected length = 8"), e.getMessage());
        long[] x = new long[8];
        x[3] = 40000;
        e = assertThrows(IllegalArgumentException.class, () -> m.apply(x));
        assertTrue(e.getMessage().contains("rawRow[3] = 40000 is out of range for input s6.10: allowed -32768..32767"), e.getMessage());
    }

    @Test void outputsAreProbabilities() {
        Random rnd = new Random(11);
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values()) {
            SoftmaxModel m = model(197, 1, alg);
            for (int r = 0; r < 300; r++) {
                for (long p : m.apply(SoftmaxRows.random(rnd, m.config()))) assertTrue(p >= 0 && p <= 256, alg + " output " + p);
            }
        }
    }

    /** The widest configuration: no overflow anywhere (all intermediates fit a long) and the bounds still hold. */
    @Test void widestConfigurationsStayInBounds() {
        Random rnd = new Random(13);
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values()) {
            SoftmaxConfig c = new SoftmaxConfig(4096, 64, FixFormat.parse("s8.16"), FixFormat.parse("u1.16"), alg);
            SoftmaxModel m = new SoftmaxModel(c);
            for (int r = 0; r < 20; r++) {
                long[] x = SoftmaxRows.random(rnd, c);
                long[] out = m.apply(x);
                double[] ref = SoftmaxReference.applyRaw(x, c.input());
                for (int i = 0; i < x.length; i++) {
                    double err = Math.abs(c.output().toDouble(out[i]) - ref[i]);
                    assertTrue(err <= c.params().errorBound(), alg + " error " + err / c.output().lsb() + " LSB at " + i);
                }
            }
        }
    }

    /**
     * Freezes the specification: a digest of the outputs of seeded rows and of the ROMs. If this fails, the arithmetic
     * changed: update docs/softmax.md and the RTL generator with it, then these constants.
     */
    @Test void specificationIsFrozen() {
        long[] expected = {160583408991140492L, 9081651290784543501L, -8083775584050151408L};
        long[] got = new long[3];
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values()) {
            long h = 17;
            for (int[] shape : new int[][] {{64, 4}, {197, 1}, {8, 8}}) {
                SoftmaxModel m = model(shape[0], shape[1], alg);
                for (long[] t : m.tables().values()) h = 31 * h + Arrays.hashCode(t);
                Random rnd = new Random(2024);
                for (int r = 0; r < 300; r++) h = 31 * h + Arrays.hashCode(m.apply(SoftmaxRows.random(rnd, m.config())));
            }
            got[alg.ordinal()] = h;
        }
        System.out.println("specification digests " + Arrays.toString(got));
        assertArrayEquals(expected, got, "the bit-exact arithmetic changed: update docs/softmax.md, the RTL and these digests");
    }
}
