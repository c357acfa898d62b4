package dev.spindle.host;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.top.DotProductUnit;
import dev.spindle.nn.top.SoftmaxUnit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** The tops the host tests run, and the two ways to reach them: SimLink, and XdmaLink on the emulated device. */
final class Devices {
    private Devices() {}

    /** Softmax of 16 scores, 2 lanes, on 64-bit streams (2 unit beats to a bus beat). */
    static final AcceleratorTop.Config SOFTMAX = new AcceleratorTop.Config(
            new SoftmaxUnit(BuiltinDesigns.SOFTMAX.config(Map.of("length", "16", "lanes", "2"))), 64, AcceleratorRegisters.Id.ZERO_HASH);
    /** Dot product of 20 values with 20 weights, on 128-bit streams (8 values a beat; rows end mid-beat). */
    static final AcceleratorTop.Config DOT = new AcceleratorTop.Config(new DotProductUnit(new DotProductUnit.Config(20)), 128, AcceleratorRegisters.Id.ZERO_HASH);

    static final Duration TIMEOUT = Duration.ofMillis(400);
    static final Duration EMULATED_DRIVER_TIMEOUT = Duration.ofMillis(300);
    static final Accelerator.Options OPTIONS = new Accelerator.Options(TIMEOUT, 1);

    /** The configuration with its ID hash, as a manifest carries it. */
    static AcceleratorTop.Config withHash(AcceleratorTop.Config c) { return c.withIdHash(Accelerators.idHash(c)); }

    /** A link to a fresh device, and what to close after. */
    interface Opened extends AutoCloseable {
        Link link();

        XdmaEmulator emulator();

        @Override void close();
    }

    enum Kind { SIM, FUSE }

    static Opened open(Kind kind, AcceleratorTop.Config c, long seed) {
        SimLink sim = SimLink.open(c, SimLink.Options.random(seed).withMaxWaitCycles(50_000));
        if (kind == Kind.SIM) {
            return new Opened() {
                public Link link() { return sim; }
                public XdmaEmulator emulator() { return null; }
                public void close() { sim.close(); }
            };
        }
        Path dir;
        try {
            dir = Files.createTempDirectory("spindle-xdma-");
        } catch (IOException e) {
            sim.close();
            throw new java.io.UncheckedIOException(e);
        }
        XdmaEmulator emu = XdmaEmulator.start(sim, dir, "xdma0", EMULATED_DRIVER_TIMEOUT);
        XdmaLink x;
        try {
            x = XdmaLink.open(emu.devicePrefix(), c.dataWidth());
        } catch (RuntimeException e) {
            emu.close();
            throw e;
        }
        return new Opened() {
            public Link link() { return x; }
            public XdmaEmulator emulator() { return emu; }
            public void close() {
                try {
                    x.close();
                } finally {
                    emu.close();
                    try {
                        Files.deleteIfExists(dir);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("the mount point " + dir + " is still busy", e);
                    }
                }
            }
        };
    }
}
