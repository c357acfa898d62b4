package dev.spindle.cli;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.DType;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerReference;
import dev.spindle.nn.transformer.TransformerWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code spindle generate|sim transformer} on a seeded network (the one {@code TransformerSimTest} simulates, so the
 * Verilator build is shared): the interface lines as the issue writes them, the outputs file, and one-line errors.
 */
class TransformerCliTest {
    @TempDir Path dir;

    /** The network {@code TransformerSimTest} simulates (the same Verilator build). */
    private static final Path ARCH = Path.of("..", "examples", "models", "tiny-prenorm.json");

    @Test void simRunsEverySampleAndWritesProbsAndLatency() throws Exception {
        Path arch = ARCH;
        TransformerConfig c = TransformerJson.read(arch);
        Path w = dir.resolve("w.npz");
        Npz.write(w, SeededWeights.of(c, 40, 1.0));
        NdArray x = SeededWeights.inputs(c, 12, 9);
        var ref = new TransformerReference(c, TransformerWeights.load(c, ArrayFile.read(w)));
        double[] p = new double[12];
        for (int s = 0; s < 12; s++) p[s] = ref.apply(x.slice(s).doubles())[0];
        Map<String, NdArray> in = new LinkedHashMap<>();
        in.put("x", x);
        in.put("probs_float", NdArray.ofDoubles(DType.F64, new int[] {12, 1}, p));
        Path inputs = dir.resolve("x.npz");
        Npz.write(inputs, in);
        Path outputs = dir.resolve("y.npz");
        var r = SpindleCliTest.run("sim", "transformer", "--arch", arch.toString(), "--model", w.toString(), "--inputs", inputs.toString(),
                "--outputs", outputs.toString(), "--reference", "probs_float", "--seed", "5");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLine().matches("samples=12 latency_cycles=\\d+ ii_cycles=\\d+ cycles=\\d+ mismatches=0 cycles_per_s=\\d+ seed=5"), r.lastLine());
        assertTrue(r.out().contains("reference probs_float: top_class="), r.out());
        ArrayFile y = ArrayFile.read(outputs);
        assertEquals(DType.F64, y.array("probs").dtype());
        assertArrayEquals(new int[] {12, 1}, y.array("probs").shape());
        assertEquals(DType.I64, y.array("latency_cycles").dtype());
        long[] lat = y.array("latency_cycles").longs();
        assertEquals(12, lat.length);
        for (long l : lat) assertTrue(l > 0, "latency " + l);
        for (int s = 0; s < 12; s++) assertEquals(p[s], y.array("probs").slice(s).doubles()[0], 0.05, "sample " + s);
    }

    @Test void generateWritesTheNetworkAndErrorsNameTheOption() throws Exception {
        Path arch = ARCH;
        var r = SpindleCliTest.run("generate", "transformer", "--arch", arch.toString(), "--set", "layers.0.parallelism=2",
                "-o", dir.resolve("v").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(Files.exists(dir.resolve("v").resolve("Transformer.v")));
        assertTrue(Files.exists(dir.resolve("v").resolve("manifest.json")));
        var missing = SpindleCliTest.run("generate", "transformer", "-o", dir.resolve("w").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("the transformer design needs --arch FILE.json"), missing.err());
        var bad = SpindleCliTest.run("generate", "transformer", "--arch", arch.toString(), "--set", "layers.0.unit=3", "-o", dir.resolve("w").toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("unit"), bad.err());
        var other = SpindleCliTest.run("sim", "softmax", "--arch", arch.toString());
        assertEquals(2, other.exit());
        assertTrue(other.err().contains("--arch/--model belong to the transformer design, not 'softmax'"), other.err());
    }
}
