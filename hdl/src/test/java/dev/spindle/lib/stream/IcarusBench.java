package dev.spindle.lib.stream;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.tools.Tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates a stream design in Icarus Verilog under random traffic, until the simulator module offers its own
 * agents. The generated testbench finds the streams among the top's ports ({@code X_valid} with {@code X_ready}):
 * it drives every input stream with random words and random gaps (valid raised with probability
 * {@code validPercent}, payload held while stalled), every output stream with random back-pressure (ready with
 * probability {@code readyPercent}) and every other input with a random value each cycle. The last word offered on
 * a {@link Fragment} stream has {@code last} set, so every packet ends. It logs each word that
 * fires on any stream ({@code F cycle stream fields... ctrl}) and each cycle where an output stream broke the stream
 * rule (valid dropped or payload changed while stalled). All randomness comes from {@code $random(seed)}, so a seed
 * replays a run exactly. Compiled once per design; each {@link #run} is one {@code vvp} process.
 */
final class IcarusBench {
    /** One run's traffic: seed, probabilities in percent, words offered per input stream, a cycle limit. */
    record Traffic(long seed, int validPercent, int readyPercent, int words, int maxCycles) {
        Traffic {
            if (validPercent < 1 || validPercent > 100 || readyPercent < 0 || readyPercent > 100) {
                throw new IllegalArgumentException("percentages out of range: " + validPercent + ", " + readyPercent);
            }
        }

        Traffic(long seed, int validPercent, int readyPercent, int words) {
            this(seed, validPercent, readyPercent, words, 100 + words * 800 / Math.max(1, Math.min(validPercent, Math.max(1, readyPercent))));
        }

        @Override public String toString() {
            return "seed=" + seed + " valid=" + validPercent + "% ready=" + readyPercent + "% words=" + words;
        }
    }

    /** A word that fired: the cycle, the payload fields in port order, the control input's value then (or null). */
    record Fire(int cycle, List<BigInteger> fields, BigInteger ctrl) {
        /** The payload of a single-field stream. */
        BigInteger value() {
            if (fields.size() != 1) throw new IllegalStateException("the payload has " + fields.size() + " fields");
            return fields.getFirst();
        }

        long longValue() { return value().longValueExact(); }

        BigInteger field(int i) { return fields.get(i); }
    }

    /**
     * What a run saw: the fires per stream (port prefix, e.g. {@code io_inputs_0}), protocol breaks, cycles run, and
     * the command that replays it (add {@code +vcd} for a waveform {@code tb.vcd}).
     */
    record Result(Traffic traffic, Map<String, List<Fire>> fires, List<String> violations, int cycles, String replay) {
        List<Fire> of(String stream) {
            List<Fire> f = fires.get(stream);
            if (f == null) throw new IllegalArgumentException("no stream " + stream + " in " + fires.keySet());
            return f;
        }

        List<BigInteger> values(String stream) { return of(stream).stream().map(Fire::value).toList(); }

        /** A message prefix that lets a failure be replayed. */
        String where() { return "[" + traffic + "; replay: " + replay + "] "; }
    }

    /**
     * The traffic patterns every operator is tested under: (valid %, ready %) = full rate both sides, random gaps and
     * back-pressure, a fast producer against a slow consumer, and the reverse.
     */
    static final int[][] PATTERNS = {{100, 100}, {50, 50}, {90, 25}, {25, 90}};

    /** The base seed: {@code -Dspindle.seed=N} replays a printed failure, otherwise a fixed one. */
    static long baseSeed() { return Long.getLong("spindle.seed", 20250601L); }

    /** Elaborates {@code top}, compiles it once into {@code target/stream-sim/<name>} and runs every pattern. */
    static List<Result> runPatterns(String name, java.util.function.Supplier<? extends dev.spindle.hdl.Component> top, int words) {
        IcarusBench bench = new IcarusBench(dev.spindle.hdl.Spindle.elaborate(top), Path.of("target", "stream-sim", name));
        List<Result> results = new ArrayList<>();
        long seed = baseSeed();
        for (int i = 0; i < PATTERNS.length; i++) {
            results.add(bench.run(new Traffic(seed + i, PATTERNS[i][0], PATTERNS[i][1], words)));
        }
        return results;
    }

    /** Fails unless the stream rules held on every output and {@code actual} is {@code expected}, word for word. */
    static void assertWords(Result r, List<BigInteger> expected, List<BigInteger> actual) {
        if (!r.violations().isEmpty()) throw new AssertionError(r.where() + "stream rule broken: " + r.violations().getFirst());
        assertSameWords(r, expected, actual);
    }

    /** Fails unless {@code actual} is {@code expected}, word for word (the stream rules are not checked). */
    static void assertSameWords(Result r, List<BigInteger> expected, List<BigInteger> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new AssertionError(r.where() + "word " + i + ": expected " + expected.get(i).toString(16) + ", got "
                        + actual.get(i).toString(16));
            }
        }
        if (expected.size() != actual.size()) {
            throw new AssertionError(r.where() + "expected " + expected.size() + " words, got " + actual.size()
                    + (expected.size() > actual.size() ? " (lost)" : " (extra)"));
        }
    }

    private record StreamPorts(String name, boolean source, List<Signal> payload) {}

    private final Path dir;
    private final List<StreamPorts> streams = new ArrayList<>();
    private final List<Signal> extras = new ArrayList<>();
    private final Signal ctrl;

    /** Emits {@code design} into {@code dir}, writes the testbench beside it and compiles both. */
    IcarusBench(Elaborated<?> design, Path dir) {
        this.dir = dir;
        VerilogOutput out = VerilogBackend.emit(design);
        Path[] files = out.writeTo(dir);
        List<Signal> ports = design.root().ports();
        List<Signal> clockPorts = new ArrayList<>();
        for (Domain d : design.domains()) {
            clockPorts.add(d.clock());
            if (d.reset() != null) clockPorts.add(d.reset());
        }
        if (design.domains().size() > 1) throw new IllegalArgumentException("one clock domain only");
        Map<String, Signal> byName = new LinkedHashMap<>();
        for (Signal p : ports) byName.put(p.name(), p);
        List<Signal> used = new ArrayList<>(clockPorts);
        for (Signal p : ports) {
            String n = p.name();
            if (!n.endsWith("_valid")) continue;
            String base = n.substring(0, n.length() - "_valid".length());
            Signal ready = byName.get(base + "_ready");
            if (ready == null) continue;
            List<Signal> payload = new ArrayList<>();
            for (Signal q : ports) if (q.name().startsWith(base + "_payload")) payload.add(q);
            streams.add(new StreamPorts(base, p.kind() == Signal.Kind.IN, payload));
            used.add(p);
            used.add(ready);
            used.addAll(payload);
        }
        Signal control = null;
        for (Signal p : ports) {
            if (used.contains(p)) continue;
            if (p.kind() == Signal.Kind.IN) {
                extras.add(p);
                if (p.name().equals("io_ctrl")) control = p;
            }
        }
        this.ctrl = control;
        try {
            Files.writeString(dir.resolve("tb.v"), testbench(out.top(), ports, clockPorts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>(List.of("-g2005", "-o", "tb.vvp", "-s", "tb", "tb.v"));
        for (Path f : files) args.add(f.getFileName().toString());
        Tool.Result r = Tool.IVERILOG.run(dir, Duration.ofMinutes(2), args);
        if (!r.ok()) throw new IllegalStateException("iverilog failed in " + dir + ":\n" + r.output());
    }

    /** Runs the compiled testbench once. */
    Result run(Traffic t) {
        List<String> args = List.of("-n", "tb.vvp", "+seed=" + t.seed(), "+vp=" + t.validPercent(),
                "+rp=" + t.readyPercent(), "+words=" + t.words(), "+cycles=" + t.maxCycles());
        Tool.Result r = Tool.VVP.run(dir, Duration.ofMinutes(2), args);
        if (!r.ok()) throw new IllegalStateException("vvp failed [" + t + "]:\n" + r.output());
        Map<String, List<Fire>> fires = new LinkedHashMap<>();
        for (StreamPorts s : streams) fires.put(s.name(), new ArrayList<>());
        List<String> violations = new ArrayList<>();
        int cycles = -1;
        for (String line : r.stdout().split("\n")) {
            String[] f = line.trim().split(" ");
            switch (f[0]) {
                case "F" -> {
                    int cycle = Integer.parseInt(f[1]);
                    StreamPorts s = streams.stream().filter(x -> x.name().equals(f[2])).findFirst().orElseThrow();
                    List<BigInteger> fields = new ArrayList<>();
                    for (int i = 0; i < s.payload().size(); i++) fields.add(parse(f[3 + i], line, t));
                    BigInteger c = ctrl == null ? null : parse(f[3 + s.payload().size()], line, t);
                    fires.get(s.name()).add(new Fire(cycle, List.copyOf(fields), c));
                }
                case "P" -> violations.add(line.trim());
                case "E" -> cycles = Integer.parseInt(f[1]);
                default -> { }
            }
        }
        if (cycles < 0) throw new IllegalStateException("the testbench did not finish [" + t + "]:\n" + r.output());
        String replay = "cd " + dir.toAbsolutePath() + " && vvp -n tb.vvp " + String.join(" ", args.subList(2, args.size()));
        return new Result(t, fires, violations, cycles, replay);
    }

    private static BigInteger parse(String hex, String line, Traffic t) {
        if (!hex.matches("[0-9a-fA-F]+")) throw new AssertionError("[" + t + "] unknown bits (x/z) fired: " + line);
        return new BigInteger(hex, 16);
    }

    private static String decl(String kind, Signal s) {
        return "  " + kind + (s.width() > 1 ? " [" + (s.width() - 1) + ":0]" : "") + " " + s.name();
    }

    /** A random value of {@code width} bits: enough 32-bit {@code $random} words concatenated (then truncated). */
    private static String random(int width) {
        int words = (width + 31) / 32;
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < words; i++) sb.append(i == 0 ? "" : ", ").append("$random(seed)");
        return sb.append("}").toString();
    }

    private static String concat(List<Signal> signals) {
        if (signals.isEmpty()) return "1'b0";
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < signals.size(); i++) sb.append(i == 0 ? "" : ", ").append(signals.get(i).name());
        return sb.append("}").toString();
    }

    private String testbench(String top, List<Signal> ports, List<Signal> clockPorts) {
        Signal clk = clockPorts.isEmpty() ? null : clockPorts.getFirst();
        Signal reset = clockPorts.size() > 1 ? clockPorts.get(1) : null;
        StringBuilder v = new StringBuilder();
        v.append("// Random-traffic testbench for ").append(top).append(", generated by IcarusBench.\n");
        v.append("`timescale 1ns/1ps\nmodule tb;\n");
        v.append("  reg ").append(clk == null ? "clk" : clk.name()).append(" = 1'b0;\n");
        if (reset != null) v.append("  reg ").append(reset.name()).append(" = 1'b1;\n");
        v.append("  integer seed, vp, rp, words, maxCycles;\n  integer cycle = 0;\n  integer idle = 0;\n");
        for (Signal p : ports) {
            if (clockPorts.contains(p)) continue;
            v.append(decl(p.kind() == Signal.Kind.IN ? "reg " : "wire", p)).append(";\n");
        }
        for (StreamPorts s : streams) {
            if (s.source()) {
                v.append("  integer ").append(s.name()).append("_offered = 0;\n");
            } else {
                int w = Math.max(1, s.payload().stream().mapToInt(Signal::width).sum());
                v.append("  reg ").append(s.name()).append("_stalled = 1'b0;\n");
                v.append("  reg [").append(w - 1).append(":0] ").append(s.name()).append("_held;\n");
            }
        }
        v.append("  ").append(top).append(" dut (");
        for (int i = 0; i < ports.size(); i++) {
            String n = ports.get(i).name();
            v.append(i == 0 ? "" : ",").append("\n    .").append(n).append("(").append(n).append(")");
        }
        v.append(");\n");
        String clkName = clk == null ? "clk" : clk.name();
        v.append("  always #5 ").append(clkName).append(" = ~").append(clkName).append(";\n");
        v.append("  initial begin\n");
        v.append("    if (!$value$plusargs(\"seed=%d\", seed)) seed = 1;\n");
        v.append("    if (!$value$plusargs(\"vp=%d\", vp)) vp = 50;\n");
        v.append("    if (!$value$plusargs(\"rp=%d\", rp)) rp = 50;\n");
        v.append("    if (!$value$plusargs(\"words=%d\", words)) words = 100;\n");
        v.append("    if (!$value$plusargs(\"cycles=%d\", maxCycles)) maxCycles = 100000;\n");
        v.append("    if ($test$plusargs(\"vcd\")) begin\n      $dumpfile(\"tb.vcd\");\n      $dumpvars(0, tb);\n    end\n");
        for (StreamPorts s : streams) {
            if (s.source()) {
                v.append("    ").append(s.name()).append("_valid = 1'b0;\n");
                for (Signal p : s.payload()) v.append("    ").append(p.name()).append(" = 0;\n");
            } else {
                v.append("    ").append(s.name()).append("_ready = 1'b0;\n");
            }
        }
        for (Signal e : extras) v.append("    ").append(e.name()).append(" = 0;\n");
        if (reset != null) v.append("    repeat (3) @(posedge ").append(clkName).append(");\n    ").append(reset.name()).append(" <= 1'b0;\n");
        v.append("  end\n");

        String running = reset == null ? "1'b1" : "!" + reset.name();
        v.append("  always @(posedge ").append(clkName).append(") if (").append(running).append(") begin : step\n");
        v.append("    reg busy;\n    busy = 1'b0;\n");
        String ctrlField = ctrl == null ? "" : " %h";
        String ctrlArg = ctrl == null ? "" : ", " + ctrl.name();
        for (StreamPorts s : streams) {
            String fire = s.name() + "_valid && " + s.name() + "_ready";
            StringBuilder fmt = new StringBuilder("\"F %0d " + s.name());
            StringBuilder fireArgs = new StringBuilder(", cycle");
            for (Signal p : s.payload()) {
                fmt.append(" %h");
                fireArgs.append(", ").append(p.name());
            }
            fmt.append(ctrlField).append("\"");
            fireArgs.append(ctrlArg);
            v.append("    if (").append(fire).append(") begin\n");
            v.append("      $display(").append(fmt).append(fireArgs).append(");\n");
            v.append("    end\n");
            if (s.source()) {
                // A new word (or a gap) only once the last one has fired: valid and payload are held while stalled.
                v.append("    if (!").append(s.name()).append("_valid || ").append(s.name()).append("_ready) begin\n");
                v.append("      if (").append(s.name()).append("_offered < words && ($unsigned($random(seed)) % 100) < vp) begin\n");
                v.append("        ").append(s.name()).append("_valid <= 1'b1;\n");
                for (Signal p : s.payload()) v.append("        ").append(p.name()).append(" <= ").append(random(p.width())).append(";\n");
                for (Signal p : s.payload()) {
                    // A Fragment stream's last word closes its packet, so a packet lock is released at the end.
                    if (p.name().equals(s.name() + "_payload_last")) {
                        v.append("        if (").append(s.name()).append("_offered == words - 1) ").append(p.name()).append(" <= 1'b1;\n");
                    }
                }
                v.append("        ").append(s.name()).append("_offered = ").append(s.name()).append("_offered + 1;\n");
                v.append("      end else begin\n");
                v.append("        ").append(s.name()).append("_valid <= 1'b0;\n");
                v.append("      end\n    end\n");
                v.append("    if (").append(s.name()).append("_offered < words || ").append(s.name()).append("_valid) busy = 1'b1;\n");
            } else {
                String data = concat(s.payload());
                v.append("    if (").append(s.name()).append("_valid) busy = 1'b1;\n");
                v.append("    if (").append(s.name()).append("_stalled && !(").append(s.name()).append("_valid && ")
                        .append(data).append(" == ").append(s.name()).append("_held))\n");
                v.append("      $display(\"P %0d ").append(s.name()).append(" valid dropped or payload changed while stalled\", cycle);\n");
                v.append("    ").append(s.name()).append("_stalled <= ").append(s.name()).append("_valid && !").append(s.name()).append("_ready;\n");
                v.append("    ").append(s.name()).append("_held <= ").append(data).append(";\n");
                v.append("    ").append(s.name()).append("_ready <= ($unsigned($random(seed)) % 100) < rp;\n");
            }
        }
        for (Signal e : extras) v.append("    ").append(e.name()).append(" <= ").append(random(e.width())).append(";\n");
        v.append("    idle = busy ? 0 : idle + 1;\n");
        v.append("    cycle = cycle + 1;\n");
        v.append("    if (idle >= 64 || cycle >= maxCycles) begin\n      $display(\"E %0d\", cycle);\n      $finish;\n    end\n");
        v.append("  end\nendmodule\n");
        return v.toString();
    }
}
