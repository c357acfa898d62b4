package dev.spindle.cli;

import dev.spindle.design.Designs;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.sim.Sim;
import dev.spindle.sim.bench.Testbench;
import dev.spindle.sim.bench.Testbenches;
import dev.spindle.hdl.verilog.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code spindle demo}: generates the example designs, checks them with Verilator's linter, Yosys and Icarus,
 * and simulates each against its golden model on the simulated device (Verilator, in-process).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate the examples, lint them and simulate them.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to write the designs (default: out/demo)")
    Path output = Path.of("out", "demo");

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "200000") long cycles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1") long seed;

    /** A softmax (64 scores a row, 4 lanes, s6.10 in, u1.8 out) through the simulator, against model and float reference. */
    private int softmax() {
        Map<String, String> settings = Map.of("length", "64", "lanes", "4", "input", "s6.10", "output", "u1.8", "algorithm", "EXP_TABLE");
        try (Sim<? extends Component> sim = Sim.of(Designs.get("softmax").elaborate(settings))) {
            Testbench.Result r = Testbenches.get("softmax").run(sim, new Random(seed), new Testbench.Options(1, 500, null));
            System.out.printf("demo: softmax %s: %d rows in %d cycles, %d elements checked against SoftmaxModel, %d mismatches%n",
                    sim.design().root().config(), 500, r.cycles(), r.checked(), r.mismatches());
            r.report().forEach(line -> System.out.println("demo: " + line));
            return r.mismatches() == 0 ? 0 : 1;
        }
    }

    @Override
    public Integer call() throws Exception {
        int failures = 0;
        for (Map.Entry<String, Map<String, String>> d : List.of(
                Map.entry("counter", Map.of("width", "12")), Map.entry("fifo", Map.of("width", "16", "depth", "8")))) {
            Path dir = output.resolve(d.getKey());
            Files.createDirectories(dir);
            long start = System.nanoTime();
            Elaborated<? extends Component> design = Designs.get(d.getKey()).elaborate(d.getValue());
            VerilogOutput out = VerilogBackend.emit(design);
            List<String> lint = Lint.check(out, dir);
            System.out.printf("demo: %-7s %s -> %s; lint (verilator -Wall, yosys, iverilog): %s (%.1f s)%n", d.getKey(),
                    design.root().config(), dir.resolve(out.top() + ".v"), lint.isEmpty() ? "clean" : "PROBLEMS", (System.nanoTime() - start) / 1e9);
            lint.forEach(System.out::println);
            failures += lint.size();
            try (Sim<? extends Component> sim = Sim.of(design)) {
                long t = System.nanoTime();
                Testbench.Result r = Testbenches.get(d.getKey()).run(sim, new Random(seed), new Testbench.Options(cycles, 1, null));
                double s = (System.nanoTime() - t) / 1e9;
                System.out.printf("demo: %-7s simulated %d cycles, %d outputs checked against the golden model, %d mismatches (%.1f M cycles/s)%n",
                        d.getKey(), r.cycles(), r.checked(), r.mismatches(), r.cycles() / s / 1e6);
                if (r.mismatches() > 0) failures++;
            }
        }
        failures += softmax();
        System.out.println(failures == 0 ? "demo: all checks passed" : "demo: " + failures + " problem(s)");
        return failures == 0 ? 0 : 1;
    }
}
