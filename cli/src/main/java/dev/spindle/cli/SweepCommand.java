package dev.spindle.cli;

import dev.spindle.design.ConfigParser;
import dev.spindle.sweep.Executor;
import dev.spindle.sweep.Grid;
import dev.spindle.sweep.PointResult;
import dev.spindle.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spindle sweep <design> --grid key=v1,v2,... [--grid ...]... [--set key=value]... [--measure estimate,sim]
 * [--executor local[:N] | slurm] [--slurm-arg ARG]... [--x MEASURE] [--y MEASURE] -o DIR}, and
 * {@code spindle sweep --point K DIR}, which measures one point (what each local process and Slurm task runs).
 * Exit code 0 when every valid point succeeded, 1 when some point failed.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Sweep a design's parameters: generate, estimate and simulate every point of a grid, locally or on Slurm.")
final class SweepCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "<design> | DIR", description = "the design; with --point, the sweep directory")
    String design;

    @Option(names = "--grid", paramLabel = "key=v1,v2,...") List<String> grid = new ArrayList<>();

    @Option(names = "--set", paramLabel = "key=value") List<String> settings = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "FILE.json", description = "transformer: the architecture description") Path arch;

    @Option(names = "--model", paramLabel = "WEIGHTS", description = "transformer: weights (seeded ones when left out)") Path model;

    @Option(names = "--inputs", paramLabel = "X.npz", description = "transformer: samples in array x (seeded ones when left out)") Path inputs;

    @Option(names = "--reference", paramLabel = "NAME", description = "transformer: an array of --inputs to agree with (top_class, mean_abs_dp)")
    String reference;

    @Option(names = "--samples", paramLabel = "N", description = "transformer: samples a point simulates (default 100)") Integer samples;

    @Option(names = "--measure", paramLabel = "estimate,sim", split = ",", defaultValue = "estimate,sim")
    List<String> measures;

    @Option(names = "--executor", paramLabel = "local[:N]|slurm", defaultValue = "local") String executor;

    @Option(names = "--slurm-arg", paramLabel = "ARG", description = "an extra sbatch option, e.g. --slurm-arg=--partition=debug")
    List<String> slurmArgs = new ArrayList<>();

    @Option(names = "--x", paramLabel = "MEASURE", defaultValue = "lut", description = "plot's horizontal measure (default lut)") String x;

    @Option(names = "--y", paramLabel = "MEASURE", defaultValue = "latency", description = "plot's vertical measure (default latency)") String y;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "every point's simulation seed (default 1)") long seed;

    @Option(names = "-o", paramLabel = "DIR") Path out;

    @Option(names = "--point", paramLabel = "K", description = "measure point K of the sweep in DIR (used by the executors)")
    Integer point;

    @Override
    public Integer call() throws InterruptedException {
        if (point != null) {
            if (design == null) throw new IllegalArgumentException("--point K needs the sweep directory: spindle sweep --point K DIR");
            return Sweep.runPoint(Path.of(design), point);
        }
        if (design == null) throw new IllegalArgumentException("name the design to sweep: spindle sweep <design> --grid key=v1,v2 -o DIR");
        if (out == null) throw new IllegalArgumentException("-o DIR is required: the sweep's directory (resumable)");
        var fixed = ConfigParser.settings(settings);
        boolean transformer = "transformer".equals(design);
        if (!transformer && (arch != null || model != null || inputs != null || reference != null || samples != null))
            throw new IllegalArgumentException("--arch/--model/--inputs/--reference/--samples belong to the transformer design, not '" + design + "'");
        if (transformer) {
            if (arch == null) throw new IllegalArgumentException("the transformer design needs --arch FILE.json (e.g. examples/models/btag.json)");
            // absolute, so that every point's process (a local one or a Slurm task) reads the same files
            fixed.put("arch", arch.toAbsolutePath().toString());
            if (model != null) fixed.put("model", model.toAbsolutePath().toString());
            if (inputs != null) fixed.put("inputs", inputs.toAbsolutePath().toString());
            if (reference != null) fixed.put("reference", reference);
            if (samples != null) fixed.put("samples", samples.toString());
        }
        Sweep.Summary s = Sweep.of(design).grid(Grid.parse(grid)).set(fixed)
                .measure(new LinkedHashSet<>(measures)).x(x).y(y).seed(seed)
                .run(Executor.parse(executor, slurmArgs), out);
        return s.count(PointResult.Status.failed) == 0 ? 0 : 1;
    }
}
