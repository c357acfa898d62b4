package dev.spindle.cli;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.nn.transformer.Calibration;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code spindle calibrate --arch FILE.json --model WEIGHTS --inputs X.npz -o OUT.json}: formats from value ranges. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Choose every tensor's fixed-point format of a transformer description from the value ranges seen "
                + "on sample inputs (array x); the rule is in docs/transformer.md.")
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--arch", required = true, paramLabel = "FILE.json", description = "architecture description")
    Path arch;

    @Option(names = "--model", required = true, paramLabel = "WEIGHTS", description = "weights (.npz or .safetensors)")
    Path model;

    @Option(names = "--inputs", required = true, paramLabel = "X.npz", description = "sample inputs: array x (samples, sequence, features)")
    Path inputs;

    @Option(names = "--samples", paramLabel = "N", description = "use at most N samples (default: all)")
    int samples = Integer.MAX_VALUE;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json", description = "calibrated description")
    Path output;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        TransformerConfig c = TransformerJson.read(arch);
        ArrayFile x = ArrayFile.read(inputs);
        int n = Math.min(samples, x.array("x").dim(0));
        System.out.printf("spindle: calibrating %s on %d samples of %s ...%n", c.name(), n, inputs);
        TransformerConfig out = Calibration.calibrate(c, ArrayFile.read(model), x, n);
        TransformerJson.write(output, out);
        System.out.printf("spindle: wrote %s in %.2f s%n", output, (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
