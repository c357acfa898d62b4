package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected on the emulated XDMA device: each gives a clear error within its deadline (no hang, no partial
 * result returned as success), and afterwards the accelerator works again or says why not.
 */
class EmulatedFaultsTest {
    /** A fault's error must come within the emulated driver's timeout plus the host's, with margin for a slow machine. */
    private static final long DEADLINE_MS = 3000;

    private static AcceleratorException failsInTime(Runnable r) {
        long start = System.nanoTime();
        AcceleratorException e = assertThrows(AcceleratorException.class, r::run);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < DEADLINE_MS, "the error took " + ms + " ms: " + e.getMessage());
        System.out.println("fault: " + e.getMessage());
        return e;
    }

    private static void worksAgain(Accelerator acc, long[] weights) {
        AcceleratorUnit u = acc.config().unit();
        long[][] rows = AcceleratorBehaviourTest.rows(u, 3, new Random(3));
        Accelerator.Result r = acc.infer(rows);
        for (int i = 0; i < rows.length; i++) assertArrayEquals(u.model(rows[i], weights), r.outputs()[i], "row " + i + " after recovery");
    }

    @Test void shortReadTimeoutAndWrongId() {
        AcceleratorTop.Config c = Devices.withHash(Devices.SOFTMAX);
        try (Devices.Opened d = Devices.open(Devices.Kind.FUSE, Devices.SOFTMAX, 21);
             Accelerator acc = Accelerator.open(d.link(), c, Devices.OPTIONS)) {
            long[][] rows = AcceleratorBehaviourTest.rows(c.unit(), 4, new Random(4));
            d.emulator().inject(XdmaEmulator.Fault.SHORT_READ);
            AcceleratorException e = failsInTime(() -> acc.infer(rows));
            assertTrue(e.getMessage().contains("short read") && e.getMessage().contains("ready again"), e.getMessage());
            worksAgain(acc, new long[0]);

            d.emulator().inject(XdmaEmulator.Fault.TIMEOUT);
            e = failsInTime(() -> acc.infer(rows));
            assertTrue(e.getMessage().contains("ETIMEDOUT") && e.getMessage().contains("ready again"), e.getMessage());
            worksAgain(acc, new long[0]);

            d.emulator().inject(XdmaEmulator.Fault.WRONG_ID);
            e = failsInTime(() -> Accelerator.open(d.link(), c, Devices.OPTIONS).close());
            assertTrue(e.getMessage().contains("is not the manifest's " + c.idHash()), e.getMessage());
            d.emulator().clear();
        }
    }

    @Test void theDeviceVanishingMidWeightLoad() {
        AcceleratorTop.Config c = Devices.withHash(Devices.DOT);
        try (Devices.Opened d = Devices.open(Devices.Kind.FUSE, Devices.DOT, 22);
             Accelerator acc = Accelerator.open(d.link(), c, new Accelerator.Options(Devices.TIMEOUT, 64))) {
            long[] w = AcceleratorBehaviourTest.weights(c.unit(), new Random(5));
            d.emulator().inject(XdmaEmulator.Fault.VANISH);
            AcceleratorException e = failsInTime(() -> acc.loadWeights(w));
            assertTrue(e.getMessage().contains("ENODEV") && e.getMessage().contains("weights are marked invalid"), e.getMessage());
            e = failsInTime(() -> acc.infer(AcceleratorBehaviourTest.rows(c.unit(), 1, new Random(6))));
            assertTrue(e.getMessage().contains("no valid weights"), e.getMessage());
            String state = acc.recover();
            assertTrue(state.contains("could not be recovered") && state.contains("gone"), state);
        }
    }

    /**
     * A mount that ends with its C2H file still open (FUSE never delivers that file's release: a vanished device, or
     * a stop that beats the asynchronous RELEASE, as a loaded machine makes it) must not leave the next emulator of
     * the process refusing its first C2H open with EBUSY: the opener flag is the library's, shared by every mount.
     */
    @Test void aMountEndedWithTheC2hChannelOpenLeavesTheNextOneFree() throws Exception {
        java.nio.file.Path first = java.nio.file.Files.createTempDirectory("spindle-xdma-");
        java.nio.file.Path second = java.nio.file.Files.createTempDirectory("spindle-xdma-");
        try (SimLink sim = SimLink.open(Devices.SOFTMAX, SimLink.Options.random(24))) {
            XdmaEmulator a = XdmaEmulator.start(sim, first, "xdma0", Devices.EMULATED_DRIVER_TIMEOUT);
            XdmaLink held = XdmaLink.open(a.devicePrefix(), Devices.SOFTMAX.dataWidth());
            a.close();                                   // unmounted with the C2H file open: its release never comes
            try {
                held.close();
            } catch (RuntimeException gone) {
                // the mount is gone; closing what it served may fail, which is not what this test is about
            }
            XdmaEmulator b = XdmaEmulator.start(sim, second, "xdma0", Devices.EMULATED_DRIVER_TIMEOUT);
            try {
                XdmaLink.open(b.devicePrefix(), Devices.SOFTMAX.dataWidth()).close();
            } finally {
                b.close();
            }
        } finally {
            java.nio.file.Files.deleteIfExists(first);
            java.nio.file.Files.deleteIfExists(second);
        }
    }

    @Test void aSecondOpenerOfTheC2hChannelIsRefused() {
        try (Devices.Opened d = Devices.open(Devices.Kind.FUSE, Devices.SOFTMAX, 23)) {
            LinkException e = assertThrows(LinkException.class, () -> XdmaLink.open(d.emulator().devicePrefix(), 64).close());
            assertTrue(e.getMessage().contains("xdma0_c2h_0") && e.getMessage().contains("EBUSY"), e.getMessage());
            LinkException missing = assertThrows(LinkException.class, () -> XdmaLink.open(d.emulator().mount().resolve("xdma7").toString(), 64));
            assertTrue(missing.getMessage().contains("xdma7_user") && missing.getMessage().contains("ENOENT"), missing.getMessage());
        }
    }
}
