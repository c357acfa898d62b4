package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.MultiHeadAttention;
import dev.spindle.nn.MultiHeadAttentionConfig;
import dev.spindle.nn.transformer.AttentionModel;
import dev.spindle.nn.transformer.AttentionSpec;
import dev.spindle.nn.transformer.BlockSpec;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.Beat;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.Rows;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MultiHeadAttention RTL against {@code AttentionModel}, bit for bit on every output token: seeded weights loaded
 * through the weight stream (twice, the second set replacing the first), random sequences (some at full scale),
 * random input gaps and output back-pressure with the protocol checked on every stream; and the latency and
 * intervals of {@link MultiHeadAttentionConfig} measured with neither.
 */
@SpindleSim
class MultiHeadAttentionSimTest {
    @TempDir Path dir;

    /** One attention block of the given shape as a description; the FFN is there only because a block needs one. */
    static String description(int tokens, int features, int heads, int keyDim, int valueDim, boolean causal, String softmax, String scores) {
        return description(tokens, features, heads, keyDim, valueDim, causal, softmax, scores, false);
    }

    /** {@code folded}: the attention's projections folded on the host ({@code "fold": {}}, its default formats). */
    static String description(int tokens, int features, int heads, int keyDim, int valueDim, boolean causal, String softmax,
                              String scores, boolean folded) {
        return """
                {"name": "mha", "input": {"sequence": %d, "features": %d, "format": "s5.8"},
                 "defaults": {"weight": "s3.8", "data": "s7.8", "probs": "u1.8", "softmax": "%s"},
                 "layers": [{"type": "block", "name": "block0",
                   "attention": {"heads": %d, "key_dim": %d, "value_dim": %d, "causal": %b, "scores": "%s"%s},
                   "ffn": {"hidden": 2}}]}
                """.formatted(tokens, features, softmax, heads, keyDim, valueDim, causal, scores, folded ? ", \"fold\": {}" : "");
    }

    record Case(TransformerConfig network, AttentionSpec spec, MultiHeadAttentionConfig config) {
        static Case of(String json, int projection, int lanes, boolean parallelHeads) {
            TransformerConfig n = TransformerJson.parse(json);
            AttentionSpec a = ((BlockSpec) n.layers().getFirst()).attention();
            var c = MultiHeadAttentionConfig.of(a, n.sequence(), n.features(), n.input()).withParallelism(projection, lanes, parallelHeads);
            return new Case(n, a, c);
        }
    }

    /** Seeded weights as the RTL's weight-stream words and as the model that judges it. */
    record Loaded(List<Long> words, AttentionModel model) {}

    Loaded weights(Case k, long seed) {
        Path f = dir.resolve("w" + seed + ".npz");
        Npz.write(f, SeededWeights.of(k.network(), seed, 1.5));
        TransformerWeights w = TransformerWeights.load(k.network(), ArrayFile.read(f));
        List<Long> words = new ArrayList<>();
        String[] parts = k.spec().folded() ? new String[] {"folded_query", "folded_output"}
                : new String[] {"query", "key", "value", "attention_output"};
        for (String part : parts) {
            for (long v : w.get("block0.mha." + part + ".kernel").raw()) words.add(v);
            for (long v : w.get("block0.mha." + part + ".bias").raw()) words.add(v);
        }
        assertEquals(k.config().weightWords(), words.size(), "weight words");
        return new Loaded(words, new AttentionModel("block0", k.spec(), k.network().input(), k.network().sequence(),
                k.network().features(), w));
    }

    static long[] randomSequence(MultiHeadAttentionConfig c, Random rnd) {
        FixFormat in = c.input();
        long[] x = new long[c.tokens() * c.features()];
        int kind = rnd.nextInt(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (kind) {
                case 0 -> in.minRaw() + (long) (rnd.nextDouble() * (in.maxRaw() - in.minRaw() + 1));
                case 1 -> rnd.nextBoolean() ? in.maxRaw() : in.minRaw();
                default -> Math.max(in.minRaw(), Math.min(in.maxRaw(), Math.round(rnd.nextGaussian() * 2 * (1 << in.fracBits()))));
            };
        }
        return x;
    }

    /**
     * Per configuration: a first load and three sequences with neither gaps nor back-pressure, whose cycles must match
     * {@code latency()}, {@code outputInterval()} and {@code interval()}; then six sequences with random input gaps and
     * output back-pressure, a second load (with gaps) and six more. Every output token is compared with the model.
     * The first case runs every projection one multiplier at a time (its queries paced to the output projection),
     * its heads in turn and its rows in two beats; the second is causal, with parallel heads and a scores format
     * narrow enough to saturate; the third is folded (keys and values the tokens, the query and output projections
     * folded on the host), causal, with heads in turn; the fourth is folded and causal with every product at once
     * (one-step projections, score beats issued once the tokens are in: {@code earlyIssue()}) and a whole row a beat
     * for each head ({@code directRows()}: no selection registers, no context accumulator). Four Verilator builds in
     * all (each case's two simulations share one).
     */
    @ParameterizedTest(name = "T={0} F={1} h={2} dk={3} dv={4} causal={5} {6} lanes={8} parallelHeads={9} projection={7} scores={10} folded={11}")
    @CsvSource({
            "4, 3, 2, 4, 3, false, exp_table, 1, 2, false, s7.8, false",
            "6, 4, 2, 3, 5, true, base2, 1000, 3, true, s4.6, false",
            "5, 3, 2, 4, 6, true, exp_table, 9, 5, false, s7.8, true",
            "4, 3, 2, 4, 4, true, exp_table, 1000, 4, true, s7.8, true"})
    void equalsModelWithStatedTimingUnderGapsAndBackPressure(int tokens, int features, int heads, int keyDim, int valueDim,
                                                            boolean causal, String softmax, int projection, int lanes,
                                                            boolean parallelHeads, String scores, boolean folded,
                                                            SimSession session, Random rnd) {
        Case k = Case.of(description(tokens, features, heads, keyDim, valueDim, causal, softmax, scores, folded), projection, lanes, parallelHeads);
        MultiHeadAttentionConfig c = k.config();
        statedTiming(k, session.sim(() -> new MultiHeadAttention(c)), rnd);
        Sim<MultiHeadAttention> sim = session.sim(() -> new MultiHeadAttention(c));     // the same model, built once
        StreamDriver<Long> weights = StreamDriver.on(sim, sim.dut().io.weights, rnd, 0.3);
        StreamDriver<FragmentBeat<long[]>> input = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.3);
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("attention " + c);
        StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.output, rnd, 0.4).checkWith(board);
        long expected = 0;
        for (int load = 0; load < 2; load++) {
            Loaded w = weights(k, 100 + load);
            weights.pushAll(w.words());
            long limit = sim.cycleCount() + 10L * w.words().size() + 100;
            while (!weights.idle()) {
                sim.cycle();
                if (sim.cycleCount() > limit) throw new AssertionError("weight stream stuck at cycle " + sim.cycleCount());
            }
            int sequences = 6;
            for (int s = 0; s < sequences; s++) {
                long[] x = randomSequence(c, rnd);
                input.pushAll(Rows.beats(x, c.features()));
                board.expectAll(Rows.beats(w.model().apply(x), c.features()));
            }
            expected += (long) sequences * tokens;
            long stop = sim.cycleCount() + sequences * 20L * (c.interval() + c.latency()) + 1000;
            while (board.matched() < expected) {
                sim.cycle();
                if (sim.cycleCount() > stop) throw new AssertionError("stuck at cycle " + sim.cycleCount() + ", " + board.matched() + " tokens matched");
            }
        }
        sim.cycles(20);
        board.assertDone();
    }

    /** Three sequences with neither gaps nor back-pressure: outputs as the model, cycles as the configuration states. */
    void statedTiming(Case k, Sim<MultiHeadAttention> sim, Random rnd) {
        MultiHeadAttentionConfig c = k.config();
        int tokens = c.tokens();
        StreamDriver<Long> weights = StreamDriver.on(sim, sim.dut().io.weights, rnd, 0.0);
        StreamDriver<FragmentBeat<long[]>> input = StreamDriver.<FragmentBeat<long[]>>on(sim, sim.dut().io.input, rnd, 0.0).record();
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("attention " + c);
        StreamMonitor<FragmentBeat<long[]>> out = StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.output, rnd, 0.0)
                .checkWith(board).record();
        Loaded w = weights(k, 7);
        weights.pushAll(w.words());
        sim.cycles(w.words().size() + 5);
        int sequences = 3;
        for (int s = 0; s < sequences; s++) {
            long[] x = randomSequence(c, rnd);
            input.pushAll(Rows.beats(x, c.features()));
            board.expectAll(Rows.beats(w.model().apply(x), c.features()));
        }
        while (board.matched() < (long) sequences * tokens) {
            sim.cycle();
            if (sim.cycleCount() > 200_000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        board.assertDone();
        List<Beat<FragmentBeat<long[]>>> in = input.sent();
        List<Beat<FragmentBeat<long[]>>> o = out.received();
        for (int s = 0; s < sequences; s++) {
            long lastIn = in.get(s * tokens + tokens - 1).cycle();
            assertEquals(c.latency(), o.get(s * tokens).cycle() - lastIn, "latency, sequence " + s + ": last input token to first output token");
            for (int t = 1; t < tokens; t++) {
                assertEquals(c.outputInterval(), o.get(s * tokens + t).cycle() - o.get(s * tokens + t - 1).cycle(), "output token interval");
                assertEquals(c.inputInterval(), in.get(s * tokens + t).cycle() - in.get(s * tokens + t - 1).cycle(), "input token interval");
            }
            if (s > 0) assertEquals(c.interval(), in.get(s * tokens).cycle() - in.get((s - 1) * tokens).cycle(), "sequence interval");
        }
    }

    /** The fourth case above takes the direct datapath, with no context accumulator (its 4 lanes: a tree of 2 levels, registered at its end). */
    @Test void aRowOfOneBeatOfOneHeadIsDirect() {
        var direct = Case.of(description(4, 3, 2, 4, 4, true, "exp_table", "s7.8", true), 1000, 4, true).config();
        org.junit.jupiter.api.Assertions.assertTrue(direct.directRows() && !direct.contextAccumulates() && direct.earlyIssue(), direct.toString());
        var inTurn = Case.of(description(4, 3, 2, 4, 4, true, "exp_table", "s7.8", true), 1000, 4, false).config();
        org.junit.jupiter.api.Assertions.assertTrue(!inTurn.directRows() && inTurn.contextAccumulates(), inTurn.toString());
        assertEquals(direct.scoreStages() + 2, inTurn.scoreStages(), "the selection and score registers");
    }

    @Test void configurationErrorsNameTheField() {
        Case k = Case.of(description(6, 4, 2, 3, 5, false, "exp_table", "s7.8"), 1, 1, false);
        var e = assertThrows(IllegalArgumentException.class, () -> k.config().withParallelism(1, 4, false));
        assertEquals("lanes = 4 must divide tokens = 6 (a score row is a whole number of beats): allowed 1, 2, 3, 6", e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> k.config().withParallelism(0, 1, false));
        assertEquals("projectionParallelism = 0 is out of range: allowed 1..2147483647", f.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> Case.of(description(6, 4, 2, 3, 5, false, "exp_table", "s7.8")
                .replace("\"weight\": \"s3.8\"", "\"weight\": \"s3.8\", \"bias\": \"s3.20\""), 1, 1, false));
        assertEquals("query projection: bias.fracBits = 20 (bias = s3.20) is out of range: allowed at most 16 (input + weight fraction bits)",
                g.getMessage());
    }

    /**
     * {@code of(spec, ...)}: lanes and parallel heads from the spec's single parallelism, as documented: the fewest
     * that keep pace with the projections (b-tag: at 64 the output projection takes 8 cycles a token, so 5 lanes give a
     * query's two rows of 3 beats in 6; at 200 both take 2 cycles, so 15 lanes, heads in turn; at 480 one, so both heads at once).
     */
    @Test void ofReadsTheSpecsParallelism() {
        String btag = description(15, 6, 2, 32, 32, false, "exp_table", "s7.10");
        for (int[] p : new int[][] {{1, 1, 0}, {64, 5, 0}, {200, 15, 0}, {480, 15, 1}}) {
            TransformerConfig n = TransformerJson.parse(btag.replace("\"causal\"", "\"parallelism\": " + p[0] + ", \"causal\""));
            var c = MultiHeadAttentionConfig.of(((BlockSpec) n.layers().getFirst()).attention(), 15, 6, n.input());
            assertEquals(p[1], c.lanes(), "lanes at parallelism " + p[0]);
            assertEquals(p[2] == 1, c.parallelHeads(), "parallel heads at parallelism " + p[0]);
        }
    }
}
