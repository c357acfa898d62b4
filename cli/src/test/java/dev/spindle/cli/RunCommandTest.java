package dev.spindle.cli;

import dev.spindle.host.SimLink;
import dev.spindle.host.XdmaEmulator;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.top.Accelerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code spindle run} on the simulated device, and the same outputs through the emulated device with --device. */
class RunCommandTest {
    @TempDir Path dir;

    @Test void simAndEmulatedDeviceGiveTheSameOutputs() {
        Random rnd = new Random(2);
        double[] x = new double[20 * 16];
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian() * 3;
        Path inputs = dir.resolve("x.npz");
        Npz.write(inputs, Map.of("x", NdArray.of(new int[] {20, 16}, x)));
        SpindleCliTest.Run sim = SpindleCliTest.run("run", "softmax", "--set", "length=16", "--set", "lanes=2", "--sim",
                "--inputs", inputs.toString(), "--outputs", dir.resolve("sim.npz").toString());
        assertEquals(0, sim.exit(), sim.out() + sim.err());
        assertTrue(sim.lastLine().matches("samples=20 latency_cycles=\\d+ mismatches=0 device=sim"), sim.lastLine());

        Path mount = dir.resolve("dev");
        SimLink link = SimLink.open(Accelerators.config("softmax", Map.of("length", "16", "lanes", "2")), SimLink.Options.fast());
        try (XdmaEmulator emulator = XdmaEmulator.start(link, mount, "xdma0", Duration.ofSeconds(2))) {
            SpindleCliTest.Run dev = SpindleCliTest.run("run", "softmax", "--set", "length=16", "--set", "lanes=2", "--device", mount.resolve("xdma0").toString(),
                    "--inputs", inputs.toString(), "--outputs", dir.resolve("dev.npz").toString());
            assertEquals(0, dev.exit(), dev.out() + dev.err());
            assertEquals(sim.lastLine().replace("device=sim", "device=xdma0"), dev.lastLine());
        }
        assertArrayEquals(Npz.read(dir.resolve("sim.npz")).array("probs", 20, 16).doubles(), Npz.read(dir.resolve("dev.npz")).array("probs", 20, 16).doubles());

        SpindleCliTest.Run missing = SpindleCliTest.run("run", "softmax", "--set", "length=16", "--set", "lanes=2", "--device", dir.resolve("nothing/xdma0").toString(),
                "--inputs", inputs.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nothing/xdma0_user: open failed: no such device (errno 2, ENOENT)"), missing.err());
    }
}
