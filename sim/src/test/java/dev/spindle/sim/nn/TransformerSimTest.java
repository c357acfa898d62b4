package dev.spindle.sim.nn;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.bench.TransformerRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole small networks made by the project (seeded weights) in RTL against {@code TransformerModel}, bit for bit on
 * every output of every sample (between them: dense, ReLU, LayerNorm, post-norm, pre-norm, no norm, causal
 * attention, folded attention, FFN from the attention, GELU table and i-GELU, flatten, softmax, sigmoid and argmax heads): weights through the
 * one weight stream (loaded twice, the second set replacing the
 * first), tokens with random input gaps, outputs under random back-pressure.
 */
@SpindleSim
class TransformerSimTest {
    @TempDir Path dir;

    /**
     * {@code examples/models/tiny-postnorm.json}: a post-norm block with a GELU FFN, then a block whose FFN reads the
     * attention output (the car-engine form); {@code TransformerFilesTest} reads it too. Run at parallelism 6, where the
     * first attention has 2 lanes with its heads in turn and the second 4 (a whole row a beat).
     */
    static final Path POST_NORM_NET = Path.of("..", "examples", "models", "tiny-postnorm.json");

    /**
     * {@code examples/models/tiny-prenorm.json}: a dense embedding, a pre-norm block (causal attention, i-GELU FFN), a
     * final LayerNorm and a sigmoid head (also what {@code TransformerCliTest} runs, so the Verilator build is shared).
     */
    static final Path PRE_NORM_NET = Path.of("..", "examples", "models", "tiny-prenorm.json");

    private void runsBitExact(TransformerConfig c, SimSession session, Random rnd) {
        Sim<Transformer> sim = session.sim(() -> new Transformer(c));
        for (int load = 0; load < 2; load++) {
            Path f = dir.resolve("w" + load + ".npz");
            Npz.write(f, SeededWeights.of(c, 40 + load, 1.0));
            TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(f));
            TransformerModel model = new TransformerModel(c, w);
            NdArray x = SeededWeights.inputs(c, 40, 7 + load);
            List<long[]> inputs = new ArrayList<>();
            List<long[]> expected = new ArrayList<>();
            for (int s = 0; s < 40; s++) {
                long[] raw = model.quantizeInput(x.slice(s).doubles());
                inputs.add(raw);
                expected.add(model.apply(raw));
            }
            long[] words = w.streamWords();
            assertEquals(sim.dut().weightWords(), words.length, "weight words");
            TransformerRun.Result r = TransformerRun.run(sim, words, inputs, expected, rnd, 0.3, 0.3);
            assertEquals(0, r.mismatches(), "RTL vs TransformerModel: " + r.firstMismatch());
            assertEquals(40, r.outputs().size());
            assertTrue(r.iiCycles() > 0 && r.medianLatency() >= r.iiCycles(), "latency " + r.medianLatency() + ", II " + r.iiCycles());
            if (load == 1) statedLatency(sim, words, inputs.subList(0, 2), expected.subList(0, 2), rnd);
        }
    }

    /**
     * Samples with neither gaps nor back-pressure: the first one, on an empty network, takes exactly
     * {@link Transformer#latency()} cycles from its first token taken to its last output beat (TransformerTiming's
     * formula from the units' own); outputs still compared with the model.
     */
    private static void statedLatency(Sim<Transformer> sim, long[] words, List<long[]> inputs, List<long[]> expected, Random rnd) {
        TransformerRun.Result r = TransformerRun.run(sim, words, inputs, expected, rnd, 0.0, 0.0);
        assertEquals(0, r.mismatches(), "RTL vs TransformerModel: " + r.firstMismatch());
        long formula = sim.dut().latency();
        System.out.printf("%s: latency formula %d, simulated %d (gap-free), II %d%n", sim.dut().config().name(), formula,
                r.latencyCycles()[0], r.iiCycles());
        assertEquals(formula, r.latencyCycles()[0], "gap-free latency of " + sim.dut().config().name()
                + " against TransformerTiming:\n" + dev.spindle.nn.TransformerTiming.of(sim.dut().config()));
    }

    /**
     * {@code examples/models/tiny-argmax.json}: dense layers, a flatten and an argmax head (one class index a sample);
     * {@code TransformerSweepTest} sweeps it.
     */
    static final Path ARGMAX_NET = Path.of("..", "examples", "models", "tiny-argmax.json");

    @Test void argmaxHead(SimSession session, Random rnd) { runsBitExact(TransformerJson.read(ARGMAX_NET), session, rnd); }

    @Test void postNormAndAttentionFfnBlocks(SimSession session, Random rnd) { runsBitExact(TransformerJson.read(POST_NORM_NET, Map.of("defaults.parallelism", "6")), session, rnd); }

    @Test void preNormCausalBlock(SimSession session, Random rnd) { runsBitExact(TransformerJson.read(PRE_NORM_NET), session, rnd); }

    /** The post-norm network with both blocks' attention folded ({@code "fold": {}}): keys and values are the tokens. */
    @Test void foldedAttentionBlocks(SimSession session, Random rnd) throws java.io.IOException {
        String json = java.nio.file.Files.readString(POST_NORM_NET).replace("\"attention\": {", "\"attention\": {\"fold\": {}, ");
        runsBitExact(TransformerJson.parse(json), session, rnd);
    }
}
