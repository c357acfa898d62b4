package dev.spindle.cli;

import dev.spindle.design.Designs;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.tools.Lint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code spindle demo}: generates the example designs and checks them with Verilator, Yosys and Icarus. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate the examples, lint them and simulate them.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to write the designs (default: out/demo)")
    Path output = Path.of("out", "demo");

    @Override
    public Integer call() throws Exception {
        int problems = 0;
        for (Map.Entry<String, Map<String, String>> d : List.of(
                Map.entry("counter", Map.of("width", "12")), Map.entry("fifo", Map.of("width", "16", "depth", "8")))) {
            Path dir = output.resolve(d.getKey());
            Files.createDirectories(dir);
            long start = System.nanoTime();
            VerilogOutput out = VerilogBackend.emit(Designs.get(d.getKey()).elaborate(d.getValue()));
            List<String> lint = Lint.check(out, dir);
            System.out.printf("demo: %-8s %s -> %s, lint (verilator -Wall, yosys, iverilog): %s (%.1f s)%n", d.getKey(),
                    d.getValue(), dir.resolve(out.top() + ".v"), lint.isEmpty() ? "clean" : "PROBLEMS", (System.nanoTime() - start) / 1e9);
            lint.forEach(System.out::println);
            problems += lint.size();
        }
        return problems == 0 ? 0 : 1;
    }
}
