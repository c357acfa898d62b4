package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.LayerNorm;
import dev.spindle.nn.LayerNormConfig;
import dev.spindle.nn.transformer.LayerNormModel;
import dev.spindle.nn.transformer.NormSpec;
import dev.spindle.nn.transformer.QuantizedArray;
import dev.spindle.nn.transformer.WeightFormat;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
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

    @ParameterizedTest(name = "{0} features")
    @CsvSource({"4", "6"})
    void equalsModelUnderGapsAndBackPressure(int n, SimSession session, Random rnd) {
        LayerNormConfig c = config(n);
        Sim<LayerNorm> sim = session.sim(() -> new LayerNorm(c));
        StreamDriver<Long> weights = StreamDriver.on(sim, sim.dut().io.weights, rnd, 0.3);
        StreamDriver<long[]> input = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.3);
        Scoreboard<long[]> board = new Scoreboard<>("layernorm " + c);
        StreamMonitor.<long[]>on(sim, sim.dut().io.output, rnd, 0.4).checkWith(board);
        long expected = 0;
        for (int load = 0; load < 2; load++) {
            long[] gamma = new long[n];
            long[] beta = new long[n];
            List<Long> words = new ArrayList<>();
            for (int i = 0; i < n; i++) gamma[i] = rnd.nextInt(6) == 0 ? (rnd.nextBoolean() ? G.maxRaw() : G.minRaw()) : Math.round((1 + 0.5 * rnd.nextGaussian()) * 1024);
            for (int i = 0; i < n; i++) beta[i] = G.minRaw() + (long) (rnd.nextDouble() * (G.maxRaw() - G.minRaw()));
            for (long v : gamma) words.add(Math.max(G.minRaw(), Math.min(G.maxRaw(), v)));
            for (long v : beta) words.add(v);
            for (int i = 0; i < n; i++) gamma[i] = words.get(i);
            weights.pushAll(words);
            while (!weights.idle()) sim.cycle();
            sim.cycles(2);
            LayerNormModel model = model(c, gamma, beta);
            for (int t = 0; t < 1500; t++) {
                long[] x = token(rnd, n);
                input.push(x);
                board.expect(model.apply(x));
            }
            expected += 1500;
            long stop = sim.cycleCount() + 1500L * 12 + 1000;
            while (board.matched() < expected) {
                sim.cycle();
                if (sim.cycleCount() > stop) throw new AssertionError("stuck at cycle " + sim.cycleCount());
            }
        }
        sim.cycles(20);
        board.assertDone();
    }

    @ParameterizedTest(name = "{0} features")
    @CsvSource({"4"})
    void latencyAndThroughputAsStated(int n, SimSession session, Random rnd) {
        LayerNormConfig c = config(n);
        Sim<LayerNorm> sim = session.sim(() -> new LayerNorm(c));
        StreamDriver<Long> weights = StreamDriver.on(sim, sim.dut().io.weights, rnd, 0.0);
        StreamDriver<long[]> input = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.0);
        Scoreboard<long[]> board = new Scoreboard<>("layernorm " + c);
        StreamMonitor<long[]> mon = StreamMonitor.<long[]>on(sim, sim.dut().io.output, rnd, 0.0).checkWith(board);
        long[] gamma = {1024, 2048, -512, 700};
        long[] beta = {0, 100, -100, 5};
        List<Long> words = new ArrayList<>();
        for (long v : gamma) words.add(v);
        for (long v : beta) words.add(v);
        weights.pushAll(words);
        sim.cycles(12);
        LayerNormModel model = model(c, gamma, beta);
        for (int t = 0; t < 500; t++) {
            long[] x = token(rnd, n);
            input.push(x);
            board.expect(model.apply(x));
        }
        while (board.matched() < 500) {
            sim.cycle();
            if (sim.cycleCount() > 10_000) throw new AssertionError("stuck");
        }
        board.assertDone();
        assertEquals(c.latency(), mon.firstFire() - input.firstFire(), "latency");
        assertEquals(499, mon.lastFire() - mon.firstFire(), "one token a cycle");
    }
}
