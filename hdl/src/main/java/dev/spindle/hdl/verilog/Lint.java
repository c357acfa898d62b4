package dev.spindle.hdl.verilog;

import dev.spindle.tools.Tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks emitted Verilog with three independent front ends: {@code verilator --lint-only -Wall} (no warning
 * allowed), {@code yosys read_verilog} and {@code iverilog -g2005}. Returns the problems found, empty when clean.
 */
public final class Lint {
    private Lint() {}

    public static List<String> check(VerilogOutput out, Path directory) {
        // The tools run inside the directory, so every path handed to them must be absolute.
        Path dir = directory.toAbsolutePath();
        Path[] files = out.writeTo(dir);
        List<String> names = new ArrayList<>();
        for (Path f : files) names.add(f.toString());
        try {
            for (Map.Entry<String, String> stub : out.blackBoxStubs().entrySet()) {
                Path p = dir.resolve(stub.getKey());
                Files.writeString(p, stub.getValue());
                names.add(p.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        // 5 minutes, plus 2 a megabyte: a whole network (LIGO: 11 MB) takes yosys over 5 minutes to read on a busy machine.
        long bytes = 0;
        for (Path f : files) bytes += f.toFile().length();
        Duration t = Duration.ofMinutes(5).plus(Duration.ofMinutes(2).multipliedBy(bytes >> 20));

        List<String> verilator = new ArrayList<>(List.of("--lint-only", "-Wall", "--top-module", out.top()));
        verilator.addAll(names);
        Tool.Result v = Tool.VERILATOR.run(dir, t, verilator);
        if (!v.ok() || !v.output().isBlank()) problems.add("verilator --lint-only -Wall:\n" + v.output());

        Tool.Result y = Tool.YOSYS.run(dir, t, List.of("-q", "-p", "read_verilog " + String.join(" ", names) + "; hierarchy -check -top " + out.top()));
        if (!y.ok() || y.output().contains("Warning")) problems.add("yosys read_verilog:\n" + y.output());

        List<String> icarus = new ArrayList<>(List.of("-g2005", "-Wall", "-o", "/dev/null", "-s", out.top()));
        icarus.addAll(names);
        Tool.Result i = Tool.IVERILOG.run(dir, t, icarus);
        if (!i.ok() || !i.output().isBlank()) problems.add("iverilog -g2005:\n" + i.output());
        List<String> located = new ArrayList<>();
        for (String p : problems) located.add(withJavaLines(p, out));
        return located;
    }

    private static final java.util.regex.Pattern VERILOG_LINE = java.util.regex.Pattern.compile("([A-Za-z0-9_]+\\.v):(\\d+)");
    private static final java.util.regex.Pattern JAVA_COMMENT = java.util.regex.Pattern.compile("//\\s*(\\S+\\.java:\\d+.*)$");

    /**
     * The report followed by the Java line behind each Verilog line it cites (every emitted statement ends with a
     * {@code // File.java:N} comment), so a lint failure points at the user's code and not only at generated text.
     */
    public static String withJavaLines(String problem, VerilogOutput out) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        java.util.regex.Matcher m = VERILOG_LINE.matcher(problem);
        while (m.find()) {
            String text = out.files().get(m.group(1));
            if (text == null) continue;
            String[] lines = text.split("\n", -1);
            int n = Integer.parseInt(m.group(2));
            if (n < 1 || n > lines.length) continue;
            java.util.regex.Matcher c = JAVA_COMMENT.matcher(lines[n - 1]);
            if (c.find()) seen.add(m.group(1) + ":" + n + " comes from " + c.group(1));
        }
        if (seen.isEmpty()) return problem;
        return problem + (problem.endsWith("\n") ? "" : "\n") + "  Java lines: " + String.join("; ", seen) + "\n";
    }
}
