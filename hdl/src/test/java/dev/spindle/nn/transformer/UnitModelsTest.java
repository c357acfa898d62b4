package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Each unit's bit-exact model against plain double math within the bound its documentation states. */
class UnitModelsTest {
    private static final FixFormat S7_10 = FixFormat.parse("s7.10");
    private static final FixFormat W = FixFormat.parse("s3.10");

    private static QuantizedArray random(Random r, FixFormat f, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        long[] raw = new long[n];
        for (int i = 0; i < n; i++) raw[i] = Raw.sat(Math.round(r.nextGaussian() * Math.scalb(0.7, f.fracBits())), f);
        return new QuantizedArray("a", f, shape, raw);
    }

    @Test void denseIsWithinHalfAnLsbOfExactArithmetic() {
        Random r = new Random(11);
        var k = random(r, W, 12, 5);
        var b = random(r, W, 5);
        FixFormat out = FixFormat.parse("s8.6");
        for (boolean relu : new boolean[] {false, true}) {
            var m = new DenseModel("d", S7_10, k, b, out, relu);
            for (int it = 0; it < 2000; it++) {
                long[] x = new long[12];
                for (int i = 0; i < 12; i++) x[i] = Raw.sat(Math.round(r.nextGaussian() * 1024), S7_10);
                long[] y = m.apply(x);
                for (int j = 0; j < 5; j++) {
                    double acc = b.value(j);
                    for (int i = 0; i < 12; i++) acc += S7_10.toDouble(x[i]) * k.value(i * 5 + j);
                    if (relu) acc = Math.max(0, acc);
                    acc = Math.max(out.min(), Math.min(out.max(), acc));
                    assertEquals(acc, out.toDouble(y[j]), out.lsb() / 2 + 1e-12, "output " + j);
                }
            }
        }
    }

    @Test void denseRefusesABiasFinerThanItsProducts() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DenseModel("head.dense0", FixFormat.parse("s7.2"),
                new QuantizedArray("k", FixFormat.parse("s3.2"), new int[] {1, 1}, new long[1]),
                new QuantizedArray("b", FixFormat.parse("s3.8"), new int[] {1}, new long[1]), S7_10, false));
        assertEquals("head.dense0: bias format s3.8 has more fraction bits than input + weight (s7.2 x s3.2): allowed at most 4",
                e.getMessage());
    }

    @Test void layerNormMeetsItsBoundForEveryVarianceTheFormatAllows() {
        Random r = new Random(5);
        for (int n : new int[] {4, 6}) {
            var spec = new NormSpec("ln", 1e-6, new WeightFormat(W, W, null, false), FixFormat.parse("s4.12"), S7_10, 16, 6);
            var gamma = random(r, W, n);
            var beta = random(r, W, n);
            var m = new LayerNormModel(spec, S7_10, gamma, beta, n);
            for (int it = 0; it < 20000; it++) {
                long[] x = new long[n];
                int kind = it % 4;
                double spread = Math.scalb(1.0, r.nextInt(17));
                for (int i = 0; i < n; i++) {
                    x[i] = switch (kind) {
                        case 0 -> Raw.sat(Math.round(r.nextGaussian() * spread), S7_10);               // every scale
                        case 1 -> r.nextBoolean() ? S7_10.minRaw() : S7_10.maxRaw();                     // largest variance
                        case 2 -> 1000 + r.nextInt(3) - 1;                                                // tiny variance
                        default -> i == 0 ? S7_10.maxRaw() : S7_10.minRaw();                              // one outlier
                    };
                }
                long[] y = m.apply(x);
                double mean = 0;
                for (long v : x) mean += S7_10.toDouble(v);
                mean /= n;
                double var = 0;
                for (long v : x) var += Math.pow(S7_10.toDouble(v) - mean, 2);
                var /= n;
                double rel = m.relativeError(m.sumOfSquares(x));
                for (int i = 0; i < n; i++) {
                    double z = (S7_10.toDouble(x[i]) - mean) / Math.sqrt(var + 1e-6);
                    double ref = z * gamma.value(i) + beta.value(i);
                    double bound = Math.abs(gamma.value(i)) * (Math.abs(z) * rel + spec.normalized().lsb() / 2) + S7_10.lsb() / 2;
                    assertEquals(ref, S7_10.toDouble(y[i]), bound, "n=" + n + " kind=" + kind + " element " + i);
                }
            }
        }
    }

    @Test void sigmoidMeetsItsBound() {
        FixFormat out = FixFormat.parse("u1.10");
        var m = new SigmoidModel(S7_10, out);
        for (long raw = S7_10.minRaw(); raw <= S7_10.maxRaw(); raw += 7) {
            double x = S7_10.toDouble(raw);
            assertEquals(1 / (1 + Math.exp(-x)), out.toDouble(m.apply(raw)), m.bound(out), "x = " + x);
        }
    }

    @Test void attentionScaleIsExactForPowersOfFour() {
        assertArrayEquals(new long[] {1, 2}, AttentionModel.scale(16));
        assertArrayEquals(new long[] {1, 0}, AttentionModel.scale(1));
        assertArrayEquals(new long[] {11585, 16}, AttentionModel.scale(32));
    }

    @Test void residualRoundsEachOperandAndSaturates() {
        FixFormat a = FixFormat.parse("s7.10");
        FixFormat b = FixFormat.parse("s5.12");
        FixFormat out = FixFormat.parse("s4.8");
        long[] s = TransformerModel.residual(new long[] {1024, a.maxRaw(), -3}, a, new long[] {2048, 0, -6}, b, out);
        assertArrayEquals(new long[] {256 + 128, out.maxRaw(), Raw.rsh(-3, 2) + Raw.rsh(-6, 4)}, s);
    }
}
