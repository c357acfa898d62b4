package dev.spindle.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line's interfaces: file names, the machine-readable last lines, exit codes and error messages. */
class SpindleCliTest {
    @TempDir Path dir;

    /** Exit code, standard output and standard error of one command. */
    record Run(int exit, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    static synchronized Run run(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true));
            CommandLine cl = SpindleCli.commandLine();
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString(), err.toString());
        } finally {
            System.setOut(savedOut);
        }
    }

    @Test
    void generateWritesVerilogAndManifestByteIdentically() throws Exception {
        Path out = dir.resolve("out");
        assertEquals(0, run("generate", "counter", "--set", "width=12", "-o", out.toString()).exit());
        byte[] verilog = Files.readAllBytes(out.resolve("Counter.v"));
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        assertEquals(0, run("generate", "counter", "--set", "width=12", "-o", out.toString()).exit());
        assertArrayEquals(verilog, Files.readAllBytes(out.resolve("Counter.v")));
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")));
        JsonNode m = new ObjectMapper().readTree(manifest);
        assertEquals("Counter", m.get("top").asText());
        assertEquals(12, m.get("config").get("width").asInt());
    }

    @Test
    void listNamesEveryDesignWithItsKeys() {
        Run r = run("generate", "--list");
        assertEquals(0, r.exit());
        for (String d : List.of("counter", "fifo", "softmax")) assertTrue(r.out().contains(d), r.out());
        assertTrue(r.out().contains("width=8 enable=true"), r.out());
    }

    @Test
    void badSettingsNameTheKeyAndFail() {
        Run outOfRange = run("generate", "counter", "--set", "width=0", "-o", dir.toString());
        assertEquals(2, outOfRange.exit());
        assertTrue(outOfRange.err().contains("width = 0 is out of range: allowed 1..64"), outOfRange.err());
        Run unknown = run("generate", "counter", "--set", "widht=3", "-o", dir.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown key 'widht'"), unknown.err());
        Run softmax = run("generate", "softmax", "--set", "lanes=0", "-o", dir.toString());
        assertTrue(softmax.err().contains("lanes = 0 is out of range"), softmax.err());
    }

    @Test
    void simEndsWithTheMachineReadableLine() {
        Run r = run("sim", "fifo", "--cycles", "3000", "--seed", "42");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLine().matches("cycles=3000 mismatches=0 cycles_per_s=\\d+ seed=42"), r.lastLine());
    }

    @Test
    void softmaxSimDumpsEveryElement() throws Exception {
        Path csv = dir.resolve("rows.csv");
        Run r = run("sim", "softmax", "--set", "length=8", "--set", "lanes=4", "--rows", "20", "--seed", "3", "--dump", csv.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.lastLine().matches("cycles=\\d+ mismatches=0 cycles_per_s=\\d+ seed=3"), r.lastLine());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("row,index,input,output", lines.getFirst());
        assertEquals(1 + 20 * 8, lines.size());
        double rowSum = 0;
        for (String line : lines.subList(1, 9)) rowSum += Double.parseDouble(line.split(",")[3]);
        assertEquals(1.0, rowSum, 8 * Math.scalb(1.0, -8) / 2 + 1e-9, "the first row's probabilities sum to 1 within n/2 LSB");
    }

    @Test
    void estimateJsonHasExactlyTheSevenKeys() throws Exception {
        Run r = run("estimate", "counter", "--set", "width=16", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.lastLine());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("lut", "ff", "dsp", "bram", "uram", "carry", "depth"), keys);
        assertEquals(16, j.get("ff").asInt());
    }

    /** A top of the user's own project, compiled here into its own class directory, generated by class name. */
    @Test
    void generateTakesAUserTopByClassName() throws Exception {
        Path src = dir.resolve("src/com/example/MyTop.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, """
                package com.example;

                import dev.spindle.hdl.Bundle;
                import dev.spindle.hdl.ConfiguredComponent;
                import dev.spindle.hdl.Require;
                import dev.spindle.hdl.UInt;

                public final class MyTop extends ConfiguredComponent<MyTop.Config> {
                    public record Config(int width) {
                        public Config { Require.range("width", width, 1, 32); }
                        public Config() { this(8); }
                    }

                    public static final class Io extends Bundle {
                        public final UInt a, b, sum;
                        Io(Config c) { a = in(UInt.type(c.width())); b = in(UInt.type(c.width())); sum = out(UInt.type(c.width())); }
                    }

                    public final Io io;
                    private final UInt total;

                    public MyTop(Config c) {
                        super(c);
                        io = new Io(c);
                        total = RegNext(io.a.add(io.b));
                        io.sum.assign(total);
                    }
                }
                """);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        int javac = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertEquals(0, javac);
        Path out = dir.resolve("out");
        Run r = run("generate", "--class", "com.example.MyTop", "--classpath", classes.toString(), "--set", "width=12", "-o", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        String verilog = Files.readString(out.resolve("MyTop.v"));
        assertTrue(verilog.contains("reg  [11:0] total;"), verilog);
        assertTrue(verilog.contains("// MyTop.java:"), verilog);
        assertEquals(12, new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).get("config").get("width").asInt());
        Run missing = run("generate", "--class", "com.example.Nope", "--classpath", classes.toString(), "-o", out.toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("--class com.example.Nope not found in [" + classes + "]"), missing.err());
        Run range = run("generate", "--class", "com.example.MyTop", "--classpath", classes.toString(), "--set", "width=40", "-o", out.toString());
        assertTrue(range.err().contains("width = 40 is out of range: allowed 1..32"), range.err());
    }
}
