package dev.spindle.sim.icarus;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.tools.Tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs emitted Verilog under Icarus Verilog with a generated testbench: the same reset as {@code Sim} (one cycle),
 * then per cycle the given input values, a settle delay, a sample of every output, and a clock edge. Slower than
 * Verilator; used to cross-check the backend with a second, independent simulator.
 */
public final class IcarusRun {
    private IcarusRun() {}

    /**
     * @param inputs per cycle, the values of the top's data inputs in manifest order (clock and resets excluded)
     * @return per cycle, the values of the outputs in manifest order, sampled before the clock edge
     */
    public static List<List<BigInteger>> run(VerilogOutput out, List<List<BigInteger>> inputs, Path workDir) {
        Manifest m = out.manifest();
        Set<String> clocking = ClockPorts.of(m);
        List<Manifest.Port> ins = m.ports().stream().filter(p -> p.direction().equals("in") && !clocking.contains(p.name())).toList();
        List<Manifest.Port> outs = m.ports().stream().filter(p -> p.direction().equals("out")).toList();
        try {
            Files.createDirectories(workDir);
            out.writeTo(workDir);
            Path vectors = workDir.resolve("inputs.hex");
            StringBuilder hex = new StringBuilder();
            for (List<BigInteger> cycle : inputs) {
                for (BigInteger v : cycle) hex.append(v.toString(16)).append('\n');
            }
            Files.writeString(vectors, hex);
            Path tb = workDir.resolve("spindle_tb.v");
            Files.writeString(tb, TestbenchVerilog.source(m, ins, outs, inputs.size()));
            List<String> args = new ArrayList<>(List.of("-g2005", "-o", "sim.vvp", "-s", "spindle_tb", "spindle_tb.v"));
            args.addAll(out.files().keySet());
            Tool.Result compile = Tool.IVERILOG.run(workDir, Duration.ofMinutes(2), args);
            if (!compile.ok()) throw new IllegalStateException("iverilog failed:\n" + compile.output());
            Tool.Result sim = Tool.VVP.run(workDir, Duration.ofMinutes(10), List.of("-n", "sim.vvp"));
            if (!sim.ok()) throw new IllegalStateException("vvp failed:\n" + sim.output());
            return parse(Files.readAllLines(workDir.resolve("outputs.txt")), outs.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<BigInteger>> parse(List<String> lines, int outputs) {
        List<List<BigInteger>> result = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) continue;
            String[] f = line.trim().split("\\s+");
            if (f.length != outputs) throw new IllegalStateException("malformed Icarus output line: " + line);
            List<BigInteger> values = new ArrayList<>();
            for (String s : f) {
                if (s.matches(".*[xXzZ].*")) throw new IllegalStateException("Icarus produced an unknown value (x/z): " + line);
                values.add(new BigInteger(s, 16));
            }
            result.add(values);
        }
        return result;
    }
}
