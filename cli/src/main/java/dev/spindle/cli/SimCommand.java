package dev.spindle.cli;

import dev.spindle.design.ConfigParser;
import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.sim.bench.Measures;
import dev.spindle.sim.bench.Testbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code spindle sim <design> [--set key=value]... [--cycles N] [--rows N] [--seed S] [--dump FILE.csv] [--waves FILE]}: runs the design's
 * built-in testbench against its golden model ({@code spindle sim transformer --arch ... --model ... --inputs ...}:
 * {@link TransformerSimCommand}). The last line is machine-readable:
 * {@code cycles=<n> mismatches=<m> cycles_per_s=<r> seed=<s>}; the exit code is 1 on any mismatch.
 */
@Command(name = "sim", mixinStandardHelpOptions = true, description = "Simulate a design against its golden model.")
final class SimCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<design>") String design;

    @Option(names = "--set", paramLabel = "key=value") List<String> settings = new ArrayList<>();

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "100000") long cycles;

    @Option(names = "--seed", paramLabel = "S") Long seed;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "1000", description = "rows to stream (row designs such as softmax)")
    long rows;

    @Option(names = "--dump", paramLabel = "FILE.csv", description = "row designs: write row,index,input,output per element")
    Path dump;

    @Option(names = "--waves", paramLabel = "FILE", description = "write an FST waveform") Path waves;

    @Mixin TransformerArch transformer;

    @Option(names = "--inputs", paramLabel = "X.npz", description = "transformer: samples, array x (samples, sequence, features)")
    Path inputs;

    @Option(names = "--outputs", paramLabel = "Y.npz", description = "transformer: write probs (float64) and latency_cycles (int64)")
    Path outputs;

    @Option(names = "--reference", paramLabel = "NAME", description = "transformer: an array of the inputs file to report agreement with (repeatable)")
    List<String> references = new ArrayList<>();

    @Override
    public Integer call() {
        Testbench.Options options = new Testbench.Options(cycles, rows, dump);
        long s = seed != null ? seed : new Random().nextLong();
        if (transformer.chosen(design)) return TransformerSimCommand.run(transformer, settings, inputs, outputs, references, s, waves);
        if (inputs != null || outputs != null || !references.isEmpty()) {
            throw new IllegalArgumentException("--inputs/--outputs/--reference belong to the transformer design, not '" + design + "'");
        }
        return simulate(Designs.get(design), options, s);
    }

    private <C extends Record, T extends ConfiguredComponent<C>> int simulate(Design<C, T> d, Testbench.Options options, long s) {
        Testbench.require(d);
        C config = d.config(ConfigParser.settings(settings));
        Measures m = Testbench.simulate(d, config, new Random(s), options, waves);
        m.firstMismatch().ifPresent(first -> System.out.println("first mismatch: " + first));
        System.out.printf("checked %d outputs against the golden model%n", m.checked());
        m.error().ifPresent(e -> System.out.println(MeasuresText.error(e)));
        System.out.println(MeasuresText.timing(m));
        if (dump != null) System.out.println("dump: " + dump);
        if (waves != null) System.out.println("waves: " + waves);
        System.out.printf("cycles=%d mismatches=%d cycles_per_s=%.0f seed=%d%n", m.cycles(), m.mismatches(), m.cyclesPerSecond(), s);
        return m.passed() ? 0 : 1;
    }
}
