package dev.spindle.estimate;

import dev.spindle.flow.Executables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The {@code yosys} executable: found on PATH, run on a script file in a working directory. */
final class Yosys {
    static final String NOT_FOUND = "yosys not found: run scripts/setup (apt-get install -y yosys)";

    private final Path executable;

    Yosys(Path executable) {
        this.executable = executable;
    }

    /** The first executable {@code yosys} on the given PATH value. */
    static Yosys onPath(String pathVariable) {
        return new Yosys(Executables.find("yosys", pathVariable).orElseThrow(() -> new EstimateException(NOT_FOUND)));
    }

    /** The first line {@code yosys -V} prints (such as {@code Yosys 0.23 (git sha1 ...)}). */
    String version() {
        try {
            Process p = new ProcessBuilder(executable.toString(), "-V").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) throw new EstimateException(executable + " -V failed: " + out);
            return out.lines().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new EstimateException("cannot run " + executable + " -V: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EstimateException("interrupted while asking " + executable + " its version", e);
        }
    }

    /** A running script; {@link #await()} waits for it and turns a failure into the Yosys error lines. */
    record Run(Process process, Path dir, String name) {
        void await() {
            int exit;
            try {
                exit = process.waitFor();
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
                throw new EstimateException("interrupted while Yosys ran " + name, e);
            }
            if (exit != 0) {
                throw new EstimateException("yosys " + name + " failed (exit " + exit + "):\n"
                        + errorLines(dir.resolve(name + ".log"))
                        + "\n  (script and log kept in " + dir + ")");
            }
        }

        /** Yosys forks yosys-abc: stop the children too, and wait so nothing writes into dir afterwards. */
        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        }
    }

    /** Starts {@code yosys -q -s name.ys} in dir; with -q the log holds only warnings and errors. */
    Run start(Path dir, String name, String script) {
        try {
            Path ys = Files.writeString(dir.resolve(name + ".ys"), script);
            Process p = new ProcessBuilder(executable.toString(), "-q", "-s", ys.getFileName().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            return new Run(p, dir, name);
        } catch (IOException e) {
            throw new EstimateException("cannot run " + executable + ": " + e.getMessage(), e);
        }
    }

    /** Yosys' ERROR lines (a Verilog error reads {@code file.v:12: ERROR: ...}), else the end of the log. */
    static String errorLines(Path log) {
        List<String> lines;
        try {
            lines = Files.readAllLines(log);
        } catch (IOException e) {
            return "  (no log: " + e.getMessage() + ")";
        }
        List<String> errors = lines.stream().filter(l -> l.contains("ERROR:")).toList();
        List<String> shown = errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 10), lines.size()) : errors;
        return String.join("\n", shown.stream().map(l -> "  " + l.strip()).toList());
    }
}
