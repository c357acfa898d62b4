package dev.spindle.cli;

import dev.spindle.host.Accelerator;
import dev.spindle.host.SimLink;
import dev.spindle.host.XdmaEmulator;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The transformer network inside the accelerator top, over {@code SimLink}: a small seeded network
 * ({@code examples/models/tiny-prenorm.json}, the one {@code TransformerCliTest} simulates), its quantised weights
 * loaded through {@code Accelerator.loadWeights} (CRC-32 read back from the hardware), outputs compared with the
 * bit-exact {@link TransformerModel} computed here from the weights file (not through the unit), and the same
 * outputs through the emulated XDMA device ({@code --device DIR/xdma0}).
 */
class TransformerRunTest {
    private static final Path ARCH = Path.of("..", "examples", "models", "tiny-prenorm.json");

    @TempDir Path dir;

    @Test void runWritesTheBitExactModelsProbs() throws Exception {
        TransformerConfig c = TransformerJson.read(ARCH);
        Path w = dir.resolve("w.npz");
        Npz.write(w, SeededWeights.of(c, 40, 1.0));
        NdArray x = SeededWeights.inputs(c, 10, 9);
        Path inputs = dir.resolve("x.npz");
        Npz.write(inputs, Map.of("x", x));
        Path outputs = dir.resolve("y.npz");
        var r = SpindleCliTest.run("run", "transformer", "--arch", ARCH.toString(), "--model", w.toString(), "--inputs", inputs.toString(),
                "--outputs", outputs.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String lastLine = "samples=10 latency_cycles=[1-9]\\d* mismatches=0 device=";
        assertTrue(r.lastLine().matches(lastLine + "sim"), r.lastLine());
        assertTrue(r.out().contains("CRC-32 verified by the hardware"), r.out());
        var model = new TransformerModel(c, TransformerWeights.load(c, ArrayFile.read(w)));
        NdArray probs = ArrayFile.read(outputs).array("probs");
        assertArrayEquals(new int[] {10, 1}, probs.shape());
        for (int s = 0; s < 10; s++) {
            long[] expect = model.apply(model.quantizeInput(x.slice(s).doubles()));
            assertEquals(model.outputFormat().toDouble(expect[0]), probs.slice(s).doubles()[0], 0.0, "sample " + s);
        }

        Path mount = dir.resolve("dev");
        SimLink link = SimLink.open(Accelerators.config("transformer", Map.of("arch", ARCH.toString())), SimLink.Options.fast());
        try (XdmaEmulator emulator = XdmaEmulator.start(link, mount, "xdma0", Duration.ofSeconds(2))) {
            var dev = SpindleCliTest.run("run", "transformer", "--arch", ARCH.toString(), "--model", w.toString(), "--device", mount.resolve("xdma0").toString(),
                    "--inputs", inputs.toString(), "--outputs", dir.resolve("dev.npz").toString());
            assertEquals(0, dev.exit(), dev.out() + dev.err());
            // The same samples and no mismatches; latency_cycles is the hardware's LAST_LATENCY of the last sample,
            // which counts how long it queued behind the earlier ones, so it depends on how fast the link delivers
            // the tokens (the emulated device's FUSE path is slower than SimLink): it is checked to be positive.
            assertTrue(dev.lastLine().matches(lastLine + "xdma0"), dev.lastLine());
        }
        assertArrayEquals(probs.doubles(), ArrayFile.read(dir.resolve("dev.npz")).array("probs").doubles());

        var noModel = SpindleCliTest.run("run", "transformer", "--arch", ARCH.toString(), "--inputs", inputs.toString());
        assertEquals(2, noModel.exit());
        assertTrue(noModel.err().contains("--model WEIGHTS"), noModel.err());
    }

    /** Random gaps and back-pressure with the protocol checkers; a second weight load reaches the network. */
    @Test void reloadedWeightsReachTheNetworkUnderBackPressure() {
        TransformerConfig c = TransformerJson.read(ARCH);
        AcceleratorTop.Config base = Accelerators.config("transformer", Map.of("arch", ARCH.toString()));
        AcceleratorTop.Config expected = base.withIdHash(Accelerators.idHash(base));
        NdArray x = SeededWeights.inputs(c, 6, 3);
        long[][] rows = new long[6][];
        SimLink link = SimLink.open(base, SimLink.Options.random(17));
        try (Accelerator acc = Accelerator.open(link, expected, new Accelerator.Options(Duration.ofMillis(2000), 1024))) {
            long[][] first = null;
            for (long seed : new long[] {40, 41}) {
                TransformerWeights tw = TransformerWeights.load(c, new ArrayFile(Path.of("seeded"), SeededWeights.of(c, seed, 1.0)));
                var model = new TransformerModel(c, tw);
                for (int s = 0; s < rows.length; s++) rows[s] = model.quantizeInput(x.slice(s).doubles());
                acc.loadWeights(tw.streamWords());
                long[][] out = acc.infer(rows).outputs();
                for (int s = 0; s < rows.length; s++) assertArrayEquals(model.apply(rows[s]), out[s], "seed " + seed + " sample " + s);
                if (first == null) first = out;
                else assertFalse(java.util.Arrays.deepEquals(first, out), "the second weights changed no output: were they copied into the network?");
            }
            long[] checked = link.checkedTransfers();
            assertTrue(checked[1] > 0 && checked[2] > 0, "protocol checkers saw H2C/C2H beats: " + java.util.Arrays.toString(checked));
        }
    }
}
