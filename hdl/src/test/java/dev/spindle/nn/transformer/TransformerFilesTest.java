package dev.spindle.nn.transformer;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.DType;
import dev.spindle.modelfile.ModelFileException;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.modelfile.Safetensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The JSON architecture and the weights loader: round trips, layouts, quantizers, and every bad input. */
class TransformerFilesTest {
    @TempDir Path dir;

    /** {@code examples/models/tiny-postnorm.json}, the small network {@code TransformerSimTest} runs in RTL too. */
    static final String SMALL = read(Path.of("..", "examples", "models", "tiny-postnorm.json"));

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test void examplesAndTheirJsonRoundTrip() throws Exception {
        for (String name : new String[] {"btag", "btag-folded", "ligo", "carengine"}) {
            Path p = Path.of("..", "examples", "models", name + ".json");
            TransformerConfig c = TransformerJson.read(p);
            assertEquals(c, TransformerJson.parse(TransformerJson.write(c)), name);
        }
        TransformerConfig small = TransformerJson.parse(SMALL);
        assertEquals(small, TransformerJson.parse(TransformerJson.write(small)));
        assertEquals(3, small.outputs());
    }

    @Test void descriptionErrorsNameTheFileAndField() throws Exception {
        assertError(SMALL.replace("\"flatten\"", "\"conv1d\""),
                "layers[2].type = 'conv1d' is not a supported layer: allowed dense, layernorm, flatten, block");
        assertError(SMALL.replace("\"units\": 3", "\"unit\": 3"), "layers[3].unit is not a known field: allowed");
        assertError(SMALL.replace("s5.8", "q5.8"), "input.format: fixed-point format 'q5.8' is malformed");
        assertError(SMALL.replace("\"hidden\": 5", "\"hidden\": \"5\""), "layers[0].ffn.hidden must be an integer, got \"5\"");
        assertError(SMALL.replace("{\"type\": \"flatten\"},", ""), "layers[2] (head): a softmax head needs a flat input");
        assertError(SMALL.replace("\"norm\": \"post\"", "\"norm\": \"sideways\""), "layers[0].norm = 'sideways' is not one of [none, pre, post]");
        assertError("{\"name\": 1", "not valid JSON");
    }

    private void assertError(String json, String expected) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        var e = assertThrows(ModelFileException.class, () -> TransformerJson.read(f));
        assertTrue(e.getMessage().startsWith(f + ": " + expected), e.getMessage());
    }

    @Test void weightErrorsNameTheFileAndArray() {
        TransformerConfig c = TransformerJson.parse(SMALL);
        Map<String, NdArray> w = new LinkedHashMap<>(SeededWeights.of(c, 1, 1.0));
        Path ok = dir.resolve("ok.npz");
        Npz.write(ok, w);
        assertDoesNotThrow(() -> TransformerWeights.load(c, ArrayFile.read(ok)));

        var missing = new LinkedHashMap<>(w);
        missing.remove("block1.mha.key.bias");
        assertLoadError(c, missing, "array 'block1.mha.key.bias': missing");

        var shape = new LinkedHashMap<>(w);
        shape.put("head.kernel", NdArray.ofDoubles(DType.F32, new int[] {3, 12}, new double[36]));
        assertLoadError(c, shape, "array 'head.kernel': wrong shape [3, 12]: expected [12, 3]");

        var nan = new LinkedHashMap<>(w);
        nan.put("block0.ln1.gamma", NdArray.ofDoubles(DType.F32, new int[] {3}, new double[] {1, Double.NaN, 1}));
        assertLoadError(c, nan, "array 'block0.ln1.gamma': element 1 is NaN: weights must be finite");

        var big = new LinkedHashMap<>(w);
        big.put("block0.ffn.dense1.bias", NdArray.ofDoubles(DType.F32, new int[] {5}, new double[] {0, 0, 9.5, 0, 0}));
        assertLoadError(c, big, "array 'block0.ffn.dense1.bias': element 2 = 9.5 does not fit s3.8 (range -4.0..3.99609375): "
                + "widen the format or set \"saturate\": true for the layer");
        TransformerConfig saturating = TransformerJson.parse(SMALL.replace("\"ffn\": {\"hidden\": 5,", "\"ffn\": {\"hidden\": 5, \"saturate\": true,"));
        Path p = dir.resolve("big.npz");
        Npz.write(p, big);
        assertEquals(1023, TransformerWeights.load(saturating, ArrayFile.read(p)).get("block0.ffn.dense1.bias").raw()[2]);
    }

    private void assertLoadError(TransformerConfig c, Map<String, NdArray> arrays, String expected) {
        Path f = dir.resolve("w.npz");
        Npz.write(f, arrays);
        var e = assertThrows(ModelFileException.class, () -> TransformerWeights.load(c, ArrayFile.read(f)));
        assertTrue(e.getMessage().startsWith(f + ": " + expected), e.getMessage());
    }

    @Test void quantizerIsAppliedExactlyAsQKerasDoes() {
        var q = new Quantizer(11, 6, true);                 // step 1/16, |w| <= 1023/16
        assertEquals(0.125, q.apply(0.1));                 // 1.6 -> 2
        assertEquals(0.0625 * 2, q.apply(0.09375));        // 1.5 -> 2 (ties to even)
        assertEquals(0.0625 * 2, q.apply(0.15625));        // 2.5 -> 2 (ties to even)
        assertEquals(-1023 / 16.0, q.apply(-1000));        // symmetric clip
        assertEquals(-1024 / 16.0, new Quantizer(11, 6, false).apply(-1000));
    }

    @Test void pytorchSafetensorsLayoutGivesTheSameNetwork() {
        String json = """
                {"name": "pt", "input": {"sequence": 3, "features": 4, "format": "s5.8"},
                 "defaults": {"weight": "s3.10", "data": "s7.10", "probs": "u1.10"},
                 "layers": [{"type": "block", "name": "b", "attention": {"heads": 2, "key_dim": 2}, "ffn": {"hidden": 3}},
                            {"type": "flatten"}, {"type": "dense", "name": "out", "units": 2, "activation": "softmax"}]}
                """;
        TransformerConfig c = TransformerJson.parse(json);
        Map<String, NdArray> keras = SeededWeights.of(c, 3, 1.0);
        Map<String, NdArray> torch = new LinkedHashMap<>();
        int e = 4;
        double[] in = new double[3 * e * e];
        double[] inBias = new double[3 * e];
        String[] parts = {"query", "key", "value"};
        for (int part = 0; part < 3; part++) {
            double[] k = keras.get("b.mha." + parts[part] + ".kernel").doubles();      // (E, 2, 2) = (in, out)
            double[] bias = keras.get("b.mha." + parts[part] + ".bias").doubles();
            for (int f = 0; f < e; f++) for (int j = 0; j < e; j++) in[(part * e + j) * e + f] = k[f * e + j];
            System.arraycopy(bias, 0, inBias, part * e, e);
        }
        torch.put("b.mha.in_proj_weight", NdArray.ofDoubles(DType.F32, new int[] {3 * e, e}, in));
        torch.put("b.mha.in_proj_bias", NdArray.ofDoubles(DType.F32, new int[] {3 * e}, inBias));
        double[] o = keras.get("b.mha.attention_output.kernel").doubles();             // (2, 2, E) = (in, out)
        double[] ot = new double[e * e];
        for (int j = 0; j < e; j++) for (int f = 0; f < e; f++) ot[f * e + j] = o[j * e + f];
        torch.put("b.mha.out_proj.weight", NdArray.ofDoubles(DType.F32, new int[] {e, e}, ot));
        torch.put("b.mha.out_proj.bias", keras.get("b.mha.attention_output.bias"));
        for (String d : new String[] {"b.ffn.dense1", "b.ffn.dense2", "out"}) {
            NdArray k = keras.get(d + ".kernel");
            int rows = k.dim(0);
            int cols = k.dim(1);
            double[] kv = k.doubles();
            double[] t = new double[kv.length];
            for (int r = 0; r < rows; r++) for (int cc = 0; cc < cols; cc++) t[cc * rows + r] = kv[r * cols + cc];
            torch.put(d + ".weight", NdArray.ofDoubles(DType.F32, new int[] {cols, rows}, t));
            torch.put(d + ".bias", keras.get(d + ".bias"));
        }
        Path kf = dir.resolve("k.npz");
        Path tf = dir.resolve("t.safetensors");
        Npz.write(kf, keras);
        Safetensors.write(tf, torch);
        var mk = new TransformerModel(c, TransformerWeights.load(c, ArrayFile.read(kf)));
        var mt = new TransformerModel(c, TransformerWeights.load(c, ArrayFile.read(tf)));
        NdArray x = SeededWeights.inputs(c, 20, 9);
        for (int s = 0; s < 20; s++) {
            long[] raw = mk.quantizeInput(x.slice(s).doubles());
            assertArrayEquals(mk.apply(raw), mt.apply(raw), "sample " + s);
        }
    }
}
