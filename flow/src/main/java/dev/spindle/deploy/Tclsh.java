package dev.spindle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.flow.Executables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plain {@code tclsh} (Debian {@code tcl}), which checks the Vivado scripts here: that each file parses, and what
 * a script does when the Vivado commands are stubbed to record their calls ({@code vivado_stub.tcl}).
 */
public final class Tclsh {
    static final String NOT_FOUND = "tclsh not found: run scripts/setup (apt-get install -y tcl)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path executable;

    private Tclsh(Path executable) { this.executable = executable; }

    /** The first {@code tclsh} on PATH; fails with the install command when there is none. */
    public static Tclsh onPath() {
        return new Tclsh(Executables.find("tclsh").orElseThrow(() -> new DeployException(NOT_FOUND)));
    }

    /** What one stubbed run did: each Vivado call as command and arguments, and how the script ended. */
    public record Run(List<List<String>> calls, int exit, String output) {
        public boolean ok() { return exit == 0; }

        /** The calls of one command, in order. */
        public List<List<String>> calls(String command) {
            return calls.stream().filter(c -> c.getFirst().equals(command)).toList();
        }
    }

    /**
     * Fails naming the file if one of {@code files} is not complete Tcl (unbalanced braces, quotes, brackets).
     *
     * @param checker {@code scripts/vivado/stub/parses.tcl}
     */
    public void checkParses(Path checker, List<Path> files) {
        List<String> args = new ArrayList<>(List.of(checker.toAbsolutePath().toString()));
        for (Path f : files) args.add(f.toAbsolutePath().toString());
        Result r = run(checker.toAbsolutePath().getParent(), args, java.util.Map.of());
        if (r.exit != 0) throw new DeployException("Tcl parse check failed: " + r.output.strip());
    }

    /** Runs {@code script} in {@code dir} under the stub with the given arguments and returns the recorded calls. */
    public Run stubbed(Path stub, Path dir, Path script, List<String> args) {
        return stubbed(stub, dir, script, args, java.util.Map.of());
    }

    /** As {@link #stubbed(Path, Path, Path, List)}, with extra environment variables (the stub's SPINDLE_STUB_* answers). */
    public Run stubbed(Path stub, Path dir, Path script, List<String> args, java.util.Map<String, String> env) {
        Path log = dir.resolve("vivado-calls.jsonl");
        List<String> argv = new ArrayList<>(List.of(stub.toAbsolutePath().toString(), log.toString(), script.toString()));
        argv.addAll(args);
        Result r = run(dir, argv, env);
        List<List<String>> calls = new ArrayList<>();
        try {
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                    List<String> call = new ArrayList<>();
                    for (JsonNode n : JSON.readTree(line)) call.add(n.asText());
                    calls.add(List.copyOf(call));
                }
            }
        } catch (IOException e) {
            throw new DeployException("cannot read the stub's log " + log + ": " + e.getMessage(), e);
        }
        return new Run(List.copyOf(calls), r.exit, r.output);
    }

    private record Result(int exit, String output) {}

    private Result run(Path dir, List<String> args, java.util.Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(args);
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().putAll(env);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new DeployException("tclsh " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new DeployException("cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while tclsh ran", e);
        }
    }
}
