package dev.spindle.cli;

import dev.spindle.design.ConfigParser;
import dev.spindle.design.Designs;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.sim.Sim;
import dev.spindle.sim.bench.Testbench;
import dev.spindle.sim.bench.Testbenches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code spindle sim <design> [--set key=value]... [--cycles N] [--rows N] [--seed S] [--dump FILE.csv] [--waves FILE]}: runs the design's
 * built-in testbench against its golden model. The last line is machine-readable:
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

    @Override
    public Integer call() {
        Testbench.Options options = new Testbench.Options(cycles, rows, dump);
        long s = seed != null ? seed : new Random().nextLong();
        Testbench bench = Testbenches.get(design);
        Elaborated<? extends Component> elaborated = Designs.get(design).elaborate(ConfigParser.settings(settings));
        try (Sim<? extends Component> sim = Sim.of(elaborated, waves)) {
            long start = System.nanoTime();
            Testbench.Result r = bench.run(sim, new Random(s), options);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (r.firstMismatch() != null) System.out.println("first mismatch: " + r.firstMismatch());
            System.out.printf("checked %d outputs against the golden model%n", r.checked());
            r.report().forEach(System.out::println);
            if (dump != null) System.out.println("dump: " + dump);
            if (waves != null) System.out.println("waves: " + waves);
            System.out.printf("cycles=%d mismatches=%d cycles_per_s=%.0f seed=%d%n", r.cycles(), r.mismatches(), r.cycles() / seconds, s);
            return r.mismatches() == 0 ? 0 : 1;
        }
    }
}
