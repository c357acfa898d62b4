package dev.spindle.cli;

import dev.spindle.host.SimLink;
import dev.spindle.host.XdmaEmulator;
import dev.spindle.nn.top.AcceleratorTop;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code spindle emulate <design> [--set key=value]... [--arch FILE.json] --mount DIR}: serves DIR/xdma0_user, DIR/xdma0_h2c_0 and
 * DIR/xdma0_c2h_0 backed by the simulated accelerator top until interrupted (Ctrl-C or SIGTERM unmount cleanly).
 */
@Command(name = "emulate", mixinStandardHelpOptions = true,
        description = "Serve an emulated XDMA device (FUSE) backed by the simulated accelerator until interrupted.")
final class EmulateCommand implements Callable<Integer> {
    @Mixin AcceleratorUnitOptions unit;

    @Option(names = "--mount", paramLabel = "DIR", required = true, description = "directory to serve the device files in") Path mount;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "10000", description = "the emulated driver's c2h/h2c timeout") long timeoutMs;

    @Override
    public Integer call() throws InterruptedException {
        if (unit.transformer.model != null) throw new IllegalArgumentException("--model is for spindle run: the host program loads the weights, not the device");
        AcceleratorTop.Config config = unit.config();
        SimLink link = SimLink.open(config, SimLink.Options.fast());
        XdmaEmulator emulator = XdmaEmulator.start(link, mount, "xdma0", Duration.ofMillis(timeoutMs));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            emulator.close();
            System.out.println("emulate: unmounted " + mount);
            stopped.countDown();
        }));
        System.out.println("emulate: " + unit.design + " " + link.config().unit() + " (ID " + link.config().idHash().substring(0, 16) + "…) as " + emulator.devicePrefix() + "_{user,h2c_0,c2h_0}");
        System.out.println("emulate: ready " + mount);
        System.out.flush();
        stopped.await();
        return 0;
    }
}
