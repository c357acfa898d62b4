package dev.spindle.nn.transformer;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Whole networks made by the project (seeded weights, small shapes): the bit-exact model against the float
 * reference within the network bound of docs/transformer.md (mean |Δp| <= 0.005, max <= 0.05, top class on >= 95%).
 */
class TransformerModelTest {
    @TempDir Path dir;

    private void withinNetworkBound(String json, long seed) {
        TransformerConfig c = TransformerJson.parse(json);
        Path f = dir.resolve("w" + seed + ".npz");
        Npz.write(f, SeededWeights.of(c, seed, 1.0));
        TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(f));
        var model = new TransformerModel(c, w);
        var ref = new TransformerReference(c, w);
        NdArray x = SeededWeights.inputs(c, 200, seed + 1);
        double[][] out = new double[200][];
        double[][] exp = new double[200][];
        for (int s = 0; s < 200; s++) {
            double[] xs = x.slice(s).doubles();
            out[s] = model.applyReal(xs);
            exp[s] = ref.apply(xs);
        }
        Agreement a = Agreement.of(out, exp);
        assertTrue(a.meanAbsDiff() <= 0.005 && a.maxAbsDiff() <= 0.05 && a.topClassPercent() >= 95, json + "\n" + a);
    }

    @Test void postNormNetworkWithSoftmaxHead() { withinNetworkBound(TransformerFilesTest.SMALL, 21); }

    @Test void foldedAttentionNetwork() { withinNetworkBound(AttentionFoldTest.FOLDED, 21); }

    @Test void preNormCausalNetworkWithSigmoidHead() {
        withinNetworkBound("""
                {"name": "pre", "input": {"sequence": 6, "features": 4, "format": "s5.10"},
                 "defaults": {"weight": "s3.10", "data": "s7.10", "probs": "u1.12"},
                 "layers": [{"type": "dense", "name": "embed", "units": 8},
                            {"type": "block", "name": "b0", "norm": "pre", "attention": {"heads": 2, "key_dim": 4, "causal": true},
                             "ffn": {"hidden": 8}, "attention_norm": {"name": "ln1"}, "ffn_norm": {"name": "ln2"}},
                            {"type": "layernorm", "name": "ln_final"},
                            {"type": "dense", "name": "proj", "units": 1, "activation": "relu"},
                            {"type": "flatten"},
                            {"type": "dense", "name": "out", "units": 1, "activation": "sigmoid", "probs": "u1.10"}]}
                """, 5);
    }

    @Test void geluNetworksBothVariants() {
        for (String variant : new String[] {"table", "igelu"}) {
            withinNetworkBound(TransformerFilesTest.SMALL.replace("\"activation\": \"gelu\"",
                    "\"activation\": \"gelu\", \"gelu\": \"" + variant + "\""), 8);
        }
    }

    /** An argmax head gives, on every sample, the index of the largest of the logits the same network outputs without it. */
    @Test void argmaxHeadIsTheLowestIndexOfTheLargestLogit() {
        String logitsJson = TransformerFilesTest.SMALL.replace("\"activation\": \"softmax\", \"probs\": \"u1.10\"", "\"activation\": \"none\"");
        TransformerConfig logits = TransformerJson.parse(logitsJson);
        TransformerConfig argmax = TransformerJson.parse(logitsJson.replace("\"activation\": \"none\"", "\"activation\": \"argmax\""));
        assertEquals(1, argmax.outputs());
        assertEquals("u2.0", new TransformerModel(argmax, weights(argmax, 3)).outputFormat().toString());
        TransformerWeights w = weights(logits, 3);
        var withLogits = new TransformerModel(logits, w);
        var withArgmax = new TransformerModel(argmax, w);
        var reference = new TransformerReference(argmax, w);
        NdArray x = SeededWeights.inputs(logits, 300, 4);
        int ties = 0;
        int sameAsFloat = 0;
        for (int s = 0; s < 300; s++) {
            long[] raw = withLogits.quantizeInput(x.slice(s).doubles());
            long[] z = withLogits.apply(raw);
            int best = 0;
            for (int i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
            for (int i = 0; i < z.length; i++) if (i != best && z[i] == z[best]) ties++;
            assertArrayEquals(new long[] {best}, withArgmax.apply(raw), "sample " + s);
            if (reference.apply(x.slice(s).doubles())[0] == best) sameAsFloat++;
        }
        assertTrue(sameAsFloat >= 285, "argmax equal to the float reference's on " + sameAsFloat + " of 300 (ties " + ties + ")");
    }

    @Test void argmaxEndsAHead() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransformerJson.parse(TransformerFilesTest.SMALL.replace(
                "{\"type\": \"flatten\"},", "{\"type\": \"dense\", \"name\": \"cls\", \"units\": 3, \"activation\": \"argmax\"}, {\"type\": \"flatten\"},")));
        assertEquals("layers[2] (cls): activation argmax ends a head: it must be the last layer", e.getMessage());
    }

    @Test void classIndicesAgreeOnTheTopClassOnly() {
        Agreement a = Agreement.of(new double[][] {{2}, {0}, {1}}, new double[][] {{0.1, 0.2, 0.7}, {0.5, 0.3, 0.2}, {0.6, 0.3, 0.1}});
        assertEquals(100.0 * 2 / 3, a.topClassPercent(), 1e-9);
        assertTrue(Double.isNaN(a.meanAbsDiff()));
        assertEquals("top_class=66.7% (class indices: no |dp|) (3 samples)", a.toString());
    }

    private TransformerWeights weights(TransformerConfig c, long seed) {
        Path f = dir.resolve("a" + seed + ".npz");
        Npz.write(f, SeededWeights.of(c, seed, 1.0));
        return TransformerWeights.load(c, ArrayFile.read(f));
    }

    @Test void geluVariantOnlyWithGelu() {
        var e = assertThrows(IllegalArgumentException.class, () -> TransformerJson.parse(
                TransformerFilesTest.SMALL.replace("\"hidden\": 2", "\"hidden\": 2, \"gelu\": \"igelu\"")));
        assertTrue(e.getMessage().contains("gelu is set but activation is relu"), e.getMessage());
    }
}
