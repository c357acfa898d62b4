package dev.spindle.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs Yosys on the fixtures under src/test/resources/estimate; each estimate takes about 3 s. */
class YosysEstimatorTest {
    private final YosysEstimator estimator = new YosysEstimator();

    static Path fixture(String name) {
        try {
            return Path.of(YosysEstimatorTest.class.getResource("/estimate/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResourceEstimate estimate(String top) {
        return estimator.estimate(List.of(fixture(top + ".v")), top);
    }

    @Test
    void counterHasSixteenFlipFlopsAndACarryChain() {
        var bytes = new ByteArrayOutputStream();
        var e = new YosysEstimator(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .estimate(List.of(fixture("Counter.v")), "Counter");
        String progress = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(progress.matches("spindle: yosys synth_xilinx Counter \\(xcup\\) \\.\\.\\. done in \\d+\\.\\d s\\R"), progress);
        assertTrue(e.seconds() > 0.1 && e.seconds() < 600, "seconds " + e.seconds());
        assertEquals(16, e.ff(), e.cells().toString());
        assertTrue(e.carry() >= 2 && e.carry() <= 4, "16 bits are 4 CARRY4 or 2 CARRY8: " + e.cells());
        assertTrue(e.lut() >= 1 && e.lut() <= 8, "an increment needs a few LUTs at most: " + e.cells());
        assertEquals(0, e.dsp() + e.uram());
        assertEquals(0.0, e.bram());
        assertTrue(e.depth() >= 1 && e.depth() <= 4, "depth " + e.depth());
        assertEquals("xcup", e.family());
    }

    @Test
    void registeredMultiplyUsesOneDsp() {
        var e = estimate("Mul");
        assertEquals(1, e.dsp(), e.cells().toString());
        assertEquals(1, e.cells().get("DSP48E2"));
        assertTrue(e.lut() < 16, "no LUT multiplier: " + e.cells());
        assertEquals(1, e.depth(), "a multiplier counts one level between its registers");
    }

    @Test
    void familyReachesSynthXilinx() {
        var e = estimator.estimate(List.of(fixture("Mul.v")), "Mul", EstimateOptions.defaults().withFamily("xc7"));
        assertEquals(1, e.dsp());
        assertEquals(1, e.cells().get("DSP48E1"), e.cells().toString());
        assertEquals("xc7", e.family());
    }

    @Test
    void synchronousReadRamIsOneBlockRam(@TempDir Path dir) throws IOException {
        // 1024 x 32 bits with a registered read: one RAMB36 (32 Kb of its 36 Kb).
        var e = estimator.estimate(List.of(RegisteredReadRam.write(dir, "Ram", 10, 32)), "Ram");
        assertEquals(1.0, e.bram(), e.cells().toString());
        assertEquals(1, e.cells().get("RAMB36E2"));
        assertEquals(0, e.uram());
        assertTrue(e.lut() <= 4, e.cells().toString());
        assertEquals(0, e.depth(), "the block RAM holds both registers of the path");
    }

    @Test
    void asynchronousReadRamIsDistributedRam() {
        var e = estimate("LutRam");
        assertEquals(8, e.lutram(), "8 bits of 64 words are 8 LUTs as memory: " + e.cells());
        assertEquals(e.lutram(), e.lut(), "the LUT total includes them");
        assertEquals(0.0, e.bram());
        assertEquals(0, e.ff());
    }

    @Test
    void largeRamGoesToUram(@TempDir Path dir) throws IOException {
        // 16384 x 72 bits = 1152 Kb: 32 RAMB36, or 4 URAM288 when URAM is allowed.
        var e = estimator.estimate(List.of(RegisteredReadRam.write(dir, "BigRam", 14, 72)), "BigRam");
        assertEquals(4, e.uram(), e.cells().toString());
        assertEquals(0.0, e.bram());
    }

    @Test
    void blackboxedSubmoduleStillEstimates() {
        var opts = EstimateOptions.defaults().withBlackboxes(List.of(fixture("Ip_stub.v")));
        var e = estimator.estimate(List.of(fixture("WithIp.v")), "WithIp", opts);
        assertEquals(1, e.cells().get("Ip"), "the blackbox stays one cell: " + e.cells());
        assertEquals(8, e.ff(), e.cells().toString());
        assertTrue(e.lut() >= 8, "the xor of 8 bits: " + e.cells());
        assertTrue(e.depth() >= 1 && e.depth() <= 4, "depth " + e.depth());
    }

    @Test
    void missingSubmoduleQuotesTheYosysError() {
        var e = assertThrows(EstimateException.class, () -> estimate("WithIp"));
        assertTrue(e.getMessage().contains("ERROR: Module `\\Ip' referenced in module `\\WithIp'"), e.getMessage());
        deleteKeptDirectory(e);
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        var bytes = new ByteArrayOutputStream();
        var failing = new YosysEstimator(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        var e = assertThrows(EstimateException.class,
                () -> failing.estimate(List.of(fixture("SyntaxError.v")), "SyntaxError"));
        assertTrue(e.getMessage().contains(fixture("SyntaxError.v") + ":5: ERROR: syntax error"), e.getMessage());
        assertEquals("spindle: yosys synth_xilinx SyntaxError (xcup) ... failed" + System.lineSeparator(),
                bytes.toString(StandardCharsets.UTF_8));
        deleteKeptDirectory(e);
    }

    /** A failed estimate keeps its script and log for the user; a test that fails on purpose cleans up. */
    private static void deleteKeptDirectory(EstimateException e) {
        var m = Pattern.compile("\\(script and log kept in (.+)\\)").matcher(e.getMessage());
        assertTrue(m.find(), "the message says where the log is: " + e.getMessage());
        Path dir = Path.of(m.group(1));
        assertTrue(Files.exists(dir.resolve("synth_xilinx.log")), dir + " holds the log");
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
    }

    @Test
    void depthGrowsWithTheChain(@TempDir Path dir) throws IOException {
        int shallow = estimator.estimate(List.of(MuxChain.write(dir, 8)), "MuxChain8").depth();
        int deep = estimator.estimate(List.of(MuxChain.write(dir, 64)), "MuxChain64").depth();
        assertTrue(shallow >= 2 && shallow <= 8, "8 steps: depth " + shallow);
        assertTrue(deep >= 16 && deep <= 64, "64 steps: depth " + deep);
        assertTrue(deep > 4 * shallow, shallow + " then " + deep);
    }

    @Test
    void missingFileIsReportedBeforeYosysRuns() {
        var e = assertThrows(EstimateException.class, () -> estimator.estimate(List.of(Path.of("/nonexistent/Top.v")), "Top"));
        assertEquals("verilog file not found: /nonexistent/Top.v", e.getMessage());
    }

    @Test
    void yosysMissingFromPathSaysHowToInstallIt(@TempDir Path emptyDir) {
        var e = assertThrows(EstimateException.class, () -> Yosys.onPath(emptyDir + ":" + emptyDir.resolve("none")));
        assertEquals("yosys not found: run scripts/setup (apt-get install -y yosys)", e.getMessage());
    }

    /** A memory of 2^addrBits words with one write port and a registered read, as a synthesis tool infers RAM from. */
    static final class RegisteredReadRam {
        static Path write(Path dir, String name, int addrBits, int width) throws IOException {
            String v = """
                    module NAME (
                      input clk,
                      input io_we,
                      input [A:0] io_waddr,
                      input [W:0] io_wdata,
                      input [A:0] io_raddr,
                      output [W:0] io_rdata
                    );
                      reg [W:0] mem [0:LAST];
                      reg [W:0] rdata;
                      always @(posedge clk) begin
                        if (io_we) mem[io_waddr] <= io_wdata;
                        rdata <= mem[io_raddr];
                      end
                      assign io_rdata = rdata;
                    endmodule
                    """.replace("NAME", name).replace("[A:0]", "[" + (addrBits - 1) + ":0]").replace("[W:0]", "[" + (width - 1) + ":0]")
                    .replace("LAST", Integer.toString((1 << addrBits) - 1));
            return Files.writeString(dir.resolve(name + ".v"), v);
        }
    }

    /** A priority mux of n steps: each step needs the previous one, so the LUT depth grows with n. */
    static final class MuxChain {
        static Path write(Path dir, int n) throws IOException {
            StringBuilder v = new StringBuilder();
            v.append("module MuxChain").append(n).append(" (input clk, input [").append(n - 1).append(":0] io_a, input [")
                    .append(n - 1).append(":0] io_b, output io_y);\n");
            v.append("  reg [").append(n - 1).append(":0] a, b;\n  reg y;\n  wire [").append(n).append(":0] x;\n");
            v.append("  assign x[0] = 1'b0;\n");
            for (int i = 0; i < n; i++) {
                v.append("  assign x[").append(i + 1).append("] = x[").append(i).append("] ? a[").append(i)
                        .append("] : b[").append(i).append("];\n");
            }
            v.append("  always @(posedge clk) begin a <= io_a; b <= io_b; y <= x[").append(n).append("]; end\n");
            v.append("  assign io_y = y;\nendmodule\n");
            return Files.writeString(dir.resolve("MuxChain" + n + ".v"), v);
        }
    }
}
