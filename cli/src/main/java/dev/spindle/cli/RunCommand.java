package dev.spindle.cli;

import dev.spindle.host.Accelerator;
import dev.spindle.host.Link;
import dev.spindle.host.SampleRun;
import dev.spindle.host.SimLink;
import dev.spindle.host.XdmaLink;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code spindle run <design> [--set key=value]... [--device /dev/xdma0 | --sim] --inputs X.npz [--outputs Y.npz]}
 * (the transformer also {@code --arch FILE.json --model WEIGHTS}, {@code --set} then overriding the description):
 * runs samples through the accelerator top on the simulated device (default) or an XDMA device, over
 * {@link SampleRun}.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run samples through the accelerator (simulated device by default, or --device /dev/xdma0).")
final class RunCommand implements Callable<Integer> {
    @Mixin AcceleratorUnitOptions unit;

    static final class Target {
        @Option(names = "--device", paramLabel = "PREFIX", description = "XDMA device prefix: /dev/xdma0 means /dev/xdma0_user, _h2c_0, _c2h_0") String device;

        @Option(names = "--sim", description = "the simulated device (the default)") boolean sim;
    }

    @ArgGroup(exclusive = true) Target target;

    @Option(names = "--inputs", paramLabel = "X.npz", required = true, description = "array x: one sample a row") Path inputs;

    @Option(names = "--outputs", paramLabel = "Y.npz", description = "where to write the outputs (probs for softmax)") Path outputs;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "2000", description = "deadline of each transfer") long timeoutMs;

    @Override
    public Integer call() {
        if (unit.transformer.chosen(unit.design) && unit.transformer.model == null) throw new IllegalArgumentException("missing --model WEIGHTS (.npz or .safetensors)");
        AcceleratorTop.Config base = unit.config();
        AcceleratorTop.Config expected = base.withIdHash(Accelerators.idHash(base));
        String device = target == null ? null : target.device;
        Link link = device == null ? SimLink.open(base, SimLink.Options.fast()) : XdmaLink.open(device, base.dataWidth());
        try (Accelerator acc = Accelerator.open(link, expected, new Accelerator.Options(Duration.ofMillis(timeoutMs), 1024))) {
            System.out.println("run: " + unit.design + " " + expected.unit() + " on " + link.device() + " (dataWidth " + base.dataWidth() + ", ID " + expected.idHash().substring(0, 16) + "…)");
            SampleRun.Report r = SampleRun.run(acc, inputs, unit.transformer.model, outputs, System.out);
            System.out.printf("run: %d of %d outputs agree with the bit-exact model%s%n", (long) r.samples() * outputsPerSample(expected) - r.mismatches(),
                    (long) r.samples() * outputsPerSample(expected), r.maxErrorVsReference() > 0 ? String.format("; max error vs the float reference %.5f", r.maxErrorVsReference()) : "");
            System.out.printf("run: %.0f inferences/s on the host; hardware: %d inferences, %d busy cycles, stalls in/out %d/%d%n",
                    r.hostSamplesPerSecond(), r.counters().inferences(), r.counters().busyCycles(), r.counters().stallIn(), r.counters().stallOut());
            if (outputs != null) System.out.println("run: wrote " + outputs);
            System.out.println(r.line());
            return r.mismatches() == 0 ? 0 : 1;
        }
    }

    private static int outputsPerSample(AcceleratorTop.Config c) { return c.unit().outputLayout(c.dataWidth()).length(); }
}
