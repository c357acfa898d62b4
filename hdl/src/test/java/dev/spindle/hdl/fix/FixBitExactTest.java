package dev.spindle.hdl.fix;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.tools.Tool;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.spindle.hdl.fix.FixSamples.SEED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The emitted Verilog of {@link FixOps} is lint-clean, and Icarus evaluating it gives exactly what FixMath gives,
 * for every output and input vector. Cases cover signed and unsigned, mixed operands, int and frac bits growing and
 * shrinking (also past the whole width), negative int or frac bits, and all rounding and overflow modes.
 */
class FixBitExactTest {
    private static final int VECTORS = 400;

    static Stream<FixOps.Case> cases() {
        return Stream.of(
                new FixOps.Case("s6.10", "s4.4", "s4.6", "s8.12", "s3.12", "s10.-2", "u4.8"),
                new FixOps.Case("u5.7", "u3.5", "u3.4", "u8.10", "s4.5", "s7.9"),
                new FixOps.Case("s3.5", "u4.2", "s2.2", "u2.6", "s5.8", "u2.-1"),
                new FixOps.Case("u8.0", "s1.7", "u4.-2", "s2.1", "u12.3"),
                new FixOps.Case("s2.0", "u1.0", "u3.-2", "s3.-1", "s3.1"),
                new FixOps.Case("s-2.10", "s3.-1", "s-4.14", "s-1.6", "u-3.9"),
                new FixOps.Case("s16.16", "s10.14", "s12.8", "s20.24", "u16.8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hardwareMatchesFixMath(FixOps.Case c, @TempDir Path dir) throws IOException {
        Elaborated<FixOps> design = Spindle.elaborate(() -> new FixOps(c));
        VerilogOutput out = VerilogBackend.emit(design);
        assertEquals(List.of(), Lint.check(out, dir), "lint of " + c);

        Random rnd = new Random(SEED ^ c.toString().hashCode());
        long[][] vectors = new long[VECTORS][];
        for (int i = 0; i < VECTORS; i++) vectors[i] = new long[] {FixSamples.raw(rnd, c.a()), FixSamples.raw(rnd, c.b())};
        List<String> lines = simulate(design, out, vectors, dir);
        FixOps top = design.top();
        assertEquals(VECTORS, lines.size(), "vvp printed " + lines);

        List<String> errors = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < VECTORS; i++) {
            String[] words = lines.get(i).trim().split(" ");
            long a = vectors[i][0];
            long b = vectors[i][1];
            for (int k = 0; k < top.probes.size(); k++) {
                FixOps.Probe p = top.probes.get(k);
                long want = p.model().applyAsLong(a, b);
                long got = decode(words[k], p.port().width(), p.format() != null && p.format().signed());
                compared++;
                if (want != got && errors.size() < 10) {
                    errors.add(p.label() + " with a = " + a + " (" + FixMath.toDouble(a, c.a()) + "), b = " + b
                            + ": hardware " + got + ", FixMath " + want);
                }
            }
        }
        if (!errors.isEmpty()) fail("seed " + SEED + ", " + c + ":\n" + String.join("\n", errors));
        assertTrue(compared >= VECTORS * 30, "only " + compared + " outputs compared");
    }

    /** Runs the design under a testbench that reads {a, b} pairs from a hex file and prints every output in hex. */
    private static List<String> simulate(Elaborated<FixOps> design, VerilogOutput out, long[][] vectors, Path dir) throws IOException {
        FixOps top = design.top();
        int wa = top.io.a.width();
        int wb = top.io.b.width();
        StringBuilder hex = new StringBuilder();
        for (long[] v : vectors) hex.append(bits(v[0], wa).shiftLeft(wb).or(bits(v[1], wb)).toString(16)).append('\n');
        Files.writeString(dir.resolve("vectors.hex"), hex);

        StringBuilder tb = new StringBuilder("module tb;\n");
        tb.append("  reg [").append(wa - 1).append(":0] a;\n  reg [").append(wb - 1).append(":0] b;\n");
        tb.append("  reg [").append(wa + wb - 1).append(":0] vec [0:").append(vectors.length - 1).append("];\n  integer i;\n");
        StringBuilder ports = new StringBuilder(".").append(name(top.io.a)).append("(a), .").append(name(top.io.b)).append("(b)");
        StringBuilder show = new StringBuilder();
        StringBuilder args = new StringBuilder();
        for (int k = 0; k < top.probes.size(); k++) {
            FixOps.Probe p = top.probes.get(k);
            tb.append("  wire [").append(p.port().width() - 1).append(":0] o").append(k).append(";\n");
            ports.append(", .").append(name(p.port())).append("(o").append(k).append(')');
            show.append(k == 0 ? "%h" : " %h");
            args.append(", o").append(k);
        }
        tb.append("  ").append(out.top()).append(" dut(").append(ports).append(");\n");
        tb.append("  initial begin\n    $readmemh(\"vectors.hex\", vec);\n");
        tb.append("    for (i = 0; i < ").append(vectors.length).append("; i = i + 1) begin\n");
        tb.append("      {a, b} = vec[i];\n      #1 $display(\"").append(show).append('"').append(args).append(");\n");
        tb.append("    end\n    $finish;\n  end\nendmodule\n");
        Files.writeString(dir.resolve("tb.v"), tb);

        List<String> compile = new ArrayList<>(List.of("-g2005", "-o", "sim.vvp", "tb.v"));
        for (Path f : out.writeTo(dir)) compile.add(f.toString());
        Tool.Result built = Tool.IVERILOG.run(dir, Duration.ofMinutes(1), compile);
        assertTrue(built.ok(), "iverilog:\n" + built.output());
        Tool.Result ran = Tool.VVP.run(dir, Duration.ofMinutes(1), List.of("-n", "sim.vvp"));
        assertTrue(ran.ok(), "vvp:\n" + ran.output());
        return ran.stdout().lines().filter(l -> l.matches("[0-9a-fA-Fxz ]+")).toList();
    }

    private static String name(dev.spindle.hdl.BaseType port) { return ((Signal) port.node()).name(); }

    /** The low {@code width} bits of a raw as an unsigned number. */
    private static BigInteger bits(long raw, int width) {
        return BigInteger.valueOf(raw).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    private static long decode(String hex, int width, boolean signed) {
        BigInteger v = new BigInteger(hex, 16);               // x or z would throw here: an undriven output
        if (signed && v.testBit(width - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(width));
        return v.longValueExact();
    }
}
