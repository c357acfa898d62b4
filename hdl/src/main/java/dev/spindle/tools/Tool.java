package dev.spindle.tools;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external program Spindle runs (Verilator, Yosys, Icarus, the C++ compiler): found on PATH, or a clear
 * error with the command that installs it; run with a timeout, capturing its output.
 */
public record Tool(String command, String debianPackage) {
    public static final Tool VERILATOR = new Tool("verilator", "verilator");
    public static final Tool YOSYS = new Tool("yosys", "yosys");
    public static final Tool IVERILOG = new Tool("iverilog", "iverilog");
    public static final Tool VVP = new Tool("vvp", "iverilog");
    public static final Tool CXX = new Tool("g++", "g++");
    public static final Tool MAKE = new Tool("make", "make");
    public static final Tool FST2VCD = new Tool("fst2vcd", "gtkwave");

    /** What a finished run printed. */
    public record Result(int exitCode, String stdout, String stderr, Duration elapsed) {
        public boolean ok() { return exitCode == 0; }

        public String output() { return stdout + stderr; }
    }

    /** The absolute path of the command; fails with the install command when it is missing. */
    public Path require() {
        return onPath(command, System.getenv().getOrDefault("PATH", "/usr/bin:/bin")).orElseThrow(() ->
                new IllegalStateException(command + " not found: run scripts/setup (apt-get install -y " + debianPackage + ")"));
    }

    /** The first executable file called {@code name} in a directory of {@code pathVariable} (a PATH value), as a shell finds it. */
    public static Optional<Path> onPath(String name, String pathVariable) {
        if (pathVariable == null) return Optional.empty();
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    public boolean available() {
        try {
            require();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public Result run(Path workDir, Duration timeout, List<String> args) { return run(workDir, timeout, args, Map.of()); }

    /** Runs {@code command args...} in {@code workDir}; a timeout kills it and is reported as an error. */
    public Result run(Path workDir, Duration timeout, List<String> args, Map<String, String> env) {
        Path exe = require();
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(args);
        long start = System.nanoTime();
        try {
            Path out = Files.createTempFile("spindle-" + command, ".out");
            Path err = Files.createTempFile("spindle-" + command, ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish within " + timeout.toSeconds() + " s: " + String.join(" ", cmd));
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), Duration.ofNanos(System.nanoTime() - start));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
