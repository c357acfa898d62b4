package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Linear;
import dev.spindle.nn.LinearConfig;
import dev.spindle.nn.transformer.DenseModel;
import dev.spindle.nn.transformer.QuantizedArray;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Linear RTL against {@code DenseModel}, bit for bit on every output: weights loaded at run time through the
 * weight stream (twice, the second set replacing the first), random vectors (whole, or in several input beats, as
 * after a flatten), random input gaps, random back-pressure; and its latency and interval with neither.
 */
@SpindleSim
class LinearSimTest {
    private static final FixFormat IN = FixFormat.parse("s7.10");
    private static final FixFormat W = FixFormat.parse("s3.10");
    private static final FixFormat B = FixFormat.parse("s4.12");
    private static final FixFormat OUT = FixFormat.parse("s5.8");

    record Weights(QuantizedArray kernel, QuantizedArray bias) {
        /** The weight-stream words: W row-major (input, output), then the biases. */
        List<Long> words() {
            List<Long> w = new ArrayList<>();
            for (long v : kernel.raw()) w.add(v);
            for (long v : bias.raw()) w.add(v);
            return w;
        }
    }

    static Weights randomWeights(LinearConfig c, Random rnd) {
        long[] k = new long[c.inputs() * c.outputs()];
        for (int i = 0; i < k.length; i++) k[i] = rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? W.maxRaw() : W.minRaw())
                : Math.max(W.minRaw(), Math.min(W.maxRaw(), Math.round(rnd.nextGaussian() * 600)));
        long[] b = new long[c.outputs()];
        for (int j = 0; j < b.length; j++) b[j] = B.minRaw() + (long) (rnd.nextDouble() * (B.maxRaw() - B.minRaw()));
        return new Weights(new QuantizedArray("kernel", W, new int[] {c.inputs(), c.outputs()}, k),
                new QuantizedArray("bias", B, new int[] {c.outputs()}, b));
    }

    static long[] randomInput(LinearConfig c, Random rnd) {
        long[] x = new long[c.inputs()];
        int kind = rnd.nextInt(3);
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (kind) {
                case 0 -> Math.max(IN.minRaw(), Math.min(IN.maxRaw(), Math.round(rnd.nextGaussian() * 1500)));
                case 1 -> IN.minRaw() + (long) (rnd.nextDouble() * (IN.maxRaw() - IN.minRaw() + 1));
                default -> rnd.nextBoolean() ? IN.maxRaw() : IN.minRaw();
            };
        }
        return x;
    }

    static WeightedStreamBench bench(Sim<Linear> sim, LinearConfig c, Random rnd, double gap, double backPressure) {
        return new WeightedStreamBench(sim, "linear " + c, sim.dut().io.weights, sim.dut().io.input, sim.dut().io.output,
                rnd, gap, backPressure);
    }

    @ParameterizedTest(name = "{0} x {1}, parallelism {2}, relu {3}, tree registered every {4}, {5} input beats")
    @CsvSource({"6, 8, 1, false, 0, 1", "6, 8, 4, true, 0, 1", "6, 8, 16, true, 1, 1", "5, 3, 15, true, 2, 1", "6, 8, 48, true, 0, 1",
            "6, 8, 48, false, 2, 1", "4, 3, 12, true, 2, 1", "1, 3, 3, false, 0, 1", "6, 8, 8, true, 0, 3", "6, 8, 16, false, 2, 3",
            "6, 4, 12, true, 1, 2"})
    void equalsModelUnderGapsAndBackPressure(int in, int out, int parallelism, boolean relu, int treeRegisterEvery, int beats,
                                             SimSession session, Random rnd) {
        LinearConfig c = new LinearConfig(in, out, IN, W, B, OUT, relu, parallelism, treeRegisterEvery, beats);
        Sim<Linear> sim = session.sim(() -> new Linear(c));
        WeightedStreamBench bench = bench(sim, c, rnd, 0.3, 0.4);
        for (int load = 0; load < 2; load++) {
            Weights w = randomWeights(c, rnd);
            bench.load(w.words(), 10L * w.words().size() + 100);
            var model = new DenseModel("linear", IN, w.kernel(), w.bias(), OUT, relu);
            bench.feed(150, () -> randomInput(c, rnd), model::apply, beats);
            bench.drain(150L * 10 * (c.interval() + 4) + 1000);
        }
        bench.finish();
    }

    /** Latency from the first input beat: the vector's other beats, one every {@code beatInterval()}, then {@code latency()}. */
    @ParameterizedTest(name = "{0} x {1}, parallelism {2}, tree registered every {4}, {5} input beats")
    @CsvSource({"6, 8, 1, false, 0, 1", "6, 8, 16, true, 1, 1", "5, 3, 15, true, 2, 1", "6, 8, 48, true, 0, 1", "6, 8, 48, false, 2, 1",
            "4, 3, 12, true, 2, 1", "1, 3, 3, false, 0, 1", "6, 8, 8, true, 0, 3", "6, 8, 16, false, 2, 3", "6, 4, 12, true, 1, 2"})
    void latencyAndIntervalAsStated(int in, int out, int parallelism, boolean relu, int treeRegisterEvery, int beats,
                                    SimSession session, Random rnd) {
        LinearConfig c = new LinearConfig(in, out, IN, W, B, OUT, relu, parallelism, treeRegisterEvery, beats);
        Sim<Linear> sim = session.sim(() -> new Linear(c));
        WeightedStreamBench bench = bench(sim, c, rnd, 0.0, 0.0);
        Weights w = randomWeights(c, rnd);
        bench.load(w.words(), 10L * w.words().size() + 100);
        sim.cycles(5);
        int n = 100;
        bench.feed(n, () -> randomInput(c, rnd), new DenseModel("linear", IN, w.kernel(), w.bias(), OUT, relu)::apply, beats);
        bench.drain(100_000);
        bench.finish();
        assertEquals((long) (beats - 1) * c.beatInterval() + c.latency(), bench.output.firstFire() - bench.input.firstFire(),
                "latency, first input beat accepted to output taken");
        assertEquals((long) (n - 1) * c.interval(), bench.output.lastFire() - bench.output.firstFire(), "outputs every interval() cycles");
    }

    @Test void configurationErrorsNameTheField() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LinearConfig(6, 8, IN, W, B, OUT, false, 5));
        assertEquals("parallelism = 5 is out of range: allowed [1, 2, 4, 8, 16, 24, 48] (a divisor of outputs = 8, "
                + "or outputs times a divisor of inputs = 6)", e.getMessage());
        var beats = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LinearConfig(6, 8, IN, W, B, OUT, false, 4, 0, 3));
        assertEquals("parallelism = 4 is out of range for inputBeats = 3: allowed outputs = 8 times a divisor of the 2 values of a "
                + "beat (every output at once, each beat's values in whole groups)", beats.getMessage());
        var divisor = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new LinearConfig(6, 8, IN, W, B, OUT, false, 8, 0, 4));
        assertEquals("inputBeats = 4 is out of range: allowed a divisor of inputs = 6", divisor.getMessage());
    }
}
