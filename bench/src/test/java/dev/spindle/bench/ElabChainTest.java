package dev.spindle.bench;

import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.tools.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's chain is clean Verilog that computes what its definition says. Only small sizes are linted or
 * simulated: Verilator's lint of one flat module grows badly (24 s at N = 10,000, about 22 minutes at 50,000),
 * so the big sizes stay out of tests.
 */
class ElabChainTest {
    private static VerilogOutput emit(int n) {
        return VerilogBackend.emit(Spindle.elaborate(() -> new ElabChain(new ElabChain.Config(n))));
    }

    @Test
    void chainOf1000IsLintClean(@TempDir Path dir) {
        List<String> problems = Lint.check(emit(1000), dir);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    /** Icarus runs the emitted Verilog against {@link ElabChainModel} over random inputs. */
    @Test
    void verilogMatchesTheModel(@TempDir Path dir) throws IOException {
        int n = 97;
        int cycles = 300;
        long seed = 20_241_122L;
        VerilogOutput out = emit(n);
        Path[] files = out.writeTo(dir);

        Random rnd = new Random(seed);
        ElabChainModel model = new ElabChainModel(new ElabChain.Config(n));
        StringBuilder tb = new StringBuilder("""
                `timescale 1ns/1ns
                module tb;
                  reg clk = 1'b0;
                  reg reset = 1'b1;
                  reg io_en = 1'b0;
                  reg [15:0] io_in = 16'd0;
                  wire [15:0] io_out;
                  ElabChain dut (.io_in(io_in), .io_en(io_en), .io_out(io_out), .clk(clk), .reset(reset));
                  initial begin
                    #1 reset = 1'b0;
                """);
        List<String> expected = new ArrayList<>();
        for (int k = 0; k < cycles; k++) {
            int in = rnd.nextInt(1 << 16);
            boolean en = rnd.nextInt(8) != 0;
            tb.append("    io_in = 16'd").append(in).append("; io_en = 1'b").append(en ? 1 : 0)
                    .append("; #5 clk = 1'b1; #5 clk = 1'b0; $display(\"%0d\", io_out);\n");
            model.step(in, en);
            expected.add(String.valueOf(model.out()));
        }
        tb.append("    $finish;\n  end\nendmodule\n");
        Path tbFile = dir.resolve("tb.v");
        Files.writeString(tbFile, tb);

        List<String> args = new ArrayList<>(List.of("-g2005", "-o", dir.resolve("sim.vvp").toString(), "-s", "tb", tbFile.toString()));
        for (Path f : files) args.add(f.toString());
        Tool.Result compiled = Tool.IVERILOG.run(dir, Duration.ofMinutes(2), args);
        assertTrue(compiled.ok(), compiled::output);
        Tool.Result run = Tool.VVP.run(dir, Duration.ofMinutes(2), List.of("-n", dir.resolve("sim.vvp").toString()));
        assertTrue(run.ok(), run::output);
        List<String> got = run.stdout().lines().filter(l -> !l.isBlank() && Character.isDigit(l.charAt(0))).toList();
        assertEquals(expected.size(), got.size(), () -> "cycles simulated:\n" + run.output());
        for (int k = 0; k < cycles; k++) {
            int cycle = k;
            assertEquals(expected.get(k), got.get(k), () -> "io_out after cycle " + cycle + " (seed " + seed + ")");
        }
    }

    @Test
    void namesFollowTheDefinition() {
        VerilogOutput out = emit(10);
        String v = out.files().get(out.top() + ".v");
        for (String name : List.of("io_in", "io_en", "io_out", "clk", "reset", "r_0", "r_9")) {
            assertTrue(v.contains(name), () -> name + " missing from\n" + v);
        }
    }

    @Test
    void indicesUse64BitArithmetic() {
        // 49,999 * 104,729 overflows an int; the definition asks for 64-bit arithmetic.
        assertEquals(5_236_345_271L % 50_000, ElabChain.index(49_999, 104_729, 50_000));
        assertEquals(45_271, ElabChain.index(49_999, 104_729, 50_000));
    }
}
