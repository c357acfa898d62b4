package dev.spindle.cli;

import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class CalibrateCliTest {
    @TempDir Path dir;

    private static final String ARCH = """
            {"name": "tiny", "input": {"sequence": 3, "features": 2, "format": "s5.10"},
             "layers": [{"type": "block", "name": "b", "attention": {"heads": 1, "key_dim": 4}, "ffn": {"hidden": 3}},
                        {"type": "flatten"}, {"type": "dense", "name": "out", "units": 2, "activation": "softmax"}]}
            """;

    private Path arch;
    private TransformerConfig c;
    private Path w;

    /** The tiny architecture and seeded weights for it, written to the test's directory. */
    @BeforeEach void writeArchitectureAndWeights() throws Exception {
        arch = dir.resolve("tiny.json");
        Files.writeString(arch, ARCH);
        c = TransformerJson.read(arch);
        w = dir.resolve("w.npz");
        Npz.write(w, SeededWeights.of(c, 2, 1.0));
    }

    @Test void calibrateWritesADescriptionThatReadsBack() throws Exception {
        Path x = dir.resolve("x.npz");
        Npz.write(x, Map.of("x", SeededWeights.inputs(c, 30, 3)));
        Path out = dir.resolve("cal.json");
        var r = SpindleCliTest.run("calibrate", "--arch", arch.toString(), "--model", w.toString(), "--inputs", x.toString(),
                "-o", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.lastLine().startsWith("spindle: wrote " + out + " in "), r.out());
        TransformerConfig cal = TransformerJson.read(out);
        assertEquals(c.input().width(), cal.input().width());
        assertEquals(c.layers().size(), cal.layers().size());
    }

    @Test void missingSampleArrayIsAOneLineError() throws Exception {
        Path x = dir.resolve("x.npz");
        Npz.write(x, Map.of("inputs", NdArray.of(new int[] {1}, 0.0)));
        var r = SpindleCliTest.run("calibrate", "--arch", arch.toString(), "--model", w.toString(), "--inputs", x.toString(),
                "-o", dir.resolve("o.json").toString());
        assertEquals(2, r.exit());
        assertEquals("spindle: error: " + x + ": array 'x': missing (the file has 1 arrays: inputs)", r.err().strip());
        assertFalse(Files.exists(dir.resolve("o.json")));
    }
}
