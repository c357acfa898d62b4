package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.LayerNorm;
import dev.spindle.nn.LayerNormConfig;
import dev.spindle.nn.transformer.LayerNormModel;
import dev.spindle.nn.transformer.NormSpec;
import dev.spindle.nn.transformer.QuantizedArray;
import dev.spindle.nn.transformer.WeightFormat;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The LayerNorm RTL against {@code LayerNormModel}, bit for bit on every output, for tokens of every variance the
 * input format allows (all equal, one outlier, full-scale alternation, every spread in between), under random input
 * gaps and back-pressure; and its latency and one-token-a-cycle throughput.
 */
@SpindleSim
class LayerNormSimTest {
    private static final FixFormat IN = FixFormat.parse("s7.10");
    private static final FixFormat G = FixFormat.parse("s3.10");
    private static final FixFormat Z = FixFormat.parse("s4.12");
    private static final FixFormat OUT = FixFormat.parse("s7.10");

    static LayerNormConfig config(int n) { return new LayerNormConfig(n, IN, G, G, Z, OUT, 1e-6, 16, 6); }

    static LayerNormModel model(LayerNormConfig c, long[] gamma, long[] beta) {
        var spec = new NormSpec("ln", c.epsilon(), new WeightFormat(G, G, null, false), Z, OUT, c.rsqrtBits(), c.tableBits());
        return new LayerNormModel(spec, IN, new QuantizedArray("gamma", G, new int[] {gamma.length}, gamma),
                new QuantizedArray("beta", G, new int[] {beta.length}, beta), c.features());
    }

    static long[] token(Random rnd, int n) {
        long[] x = new long[n];
        int kind = rnd.nextInt(5);
        long base = IN.minRaw() + (long) (rnd.nextDouble() * (IN.maxRaw() - IN.minRaw()));
        double spread = Math.scalb(1.0, rnd.nextInt(18));
        for (int i = 0; i < n; i++) {
            long v = switch (kind) {
                case 0 -> Math.round(base + rnd.nextGaussian() * spread);
                case 1 -> base;                                                  // zero variance
                case 2 -> i == 0 ? IN.maxRaw() : IN.minRaw();                    // one outlier
                case 3 -> i % 2 == 0 ? IN.maxRaw() : IN.minRaw();                // the largest variance
                default -> base + rnd.nextInt(3) - 1;                            // the smallest non-zero ones
            };
            x[i] = Math.max(IN.minRaw(), Math.min(IN.maxRaw(), v));
        }
        return x;
    }

    /** The weight-stream words: gamma (clamped to its format), then beta. */
    static List<Long> words(long[] gamma, long[] beta) {
        List<Long> words = new ArrayList<>();
        for (long v : gamma) words.add(Math.max(G.minRaw(), Math.min(G.maxRaw(), v)));
        for (long v : beta) words.add(v);
        return words;
    }

    static WeightedStreamBench bench(Sim<LayerNorm> sim, LayerNormConfig c, Random rnd, double gap, double backPressure) {
        return new WeightedStreamBench(sim, "layernorm " + c, sim.dut().io.weights, sim.dut().io.input, sim.dut().io.output,
                rnd, gap, backPressure);
    }

    @ParameterizedTest(name = "{0} features")
    @CsvSource({"4", "6"})
    void equalsModelUnderGapsAndBackPressure(int n, SimSession session, Random rnd) {
        LayerNormConfig c = config(n);
        Sim<LayerNorm> sim = session.sim(() -> new LayerNorm(c));
        WeightedStreamBench bench = bench(sim, c, rnd, 0.3, 0.4);
        for (int load = 0; load < 2; load++) {
            long[] gamma = new long[n];
            long[] beta = new long[n];
            for (int i = 0; i < n; i++) gamma[i] = rnd.nextInt(6) == 0 ? (rnd.nextBoolean() ? G.maxRaw() : G.minRaw()) : Math.round((1 + 0.5 * rnd.nextGaussian()) * 1024);
            for (int i = 0; i < n; i++) beta[i] = G.minRaw() + (long) (rnd.nextDouble() * (G.maxRaw() - G.minRaw()));
            List<Long> words = words(gamma, beta);
            for (int i = 0; i < n; i++) gamma[i] = words.get(i);
            bench.load(words, 100L * words.size());
            sim.cycles(2);
            LayerNormModel model = model(c, gamma, beta);
            bench.feed(1500, () -> token(rnd, n), model::apply);
            bench.drain(1500L * 12 + 1000);
        }
        bench.finish();
    }

    @ParameterizedTest(name = "{0} features")
    @CsvSource({"4"})
    void latencyAndThroughputAsStated(int n, SimSession session, Random rnd) {
        LayerNormConfig c = config(n);
        Sim<LayerNorm> sim = session.sim(() -> new LayerNorm(c));
        WeightedStreamBench bench = bench(sim, c, rnd, 0.0, 0.0);
        long[] gamma = {1024, 2048, -512, 700};
        long[] beta = {0, 100, -100, 5};
        bench.load(words(gamma, beta), 100);
        sim.cycles(4);
        bench.feed(500, () -> token(rnd, n), model(c, gamma, beta)::apply);
        bench.drain(10_000);
        bench.finish();
        assertEquals(c.latency(), bench.output.firstFire() - bench.input.firstFire(), "latency");
        assertEquals(499, bench.output.lastFire() - bench.output.firstFire(), "one token a cycle");
    }
}
