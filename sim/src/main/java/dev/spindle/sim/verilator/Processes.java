package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/** Runs the external tools (verilator, g++) and finds them on the PATH. */
final class Processes {

    /** What a finished process printed (stdout and stderr merged) and its exit code. */
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    /** Characters of a failed command's output kept in the exception: a C++ error can run to megabytes. */
    private static final int MAX_OUTPUT = 20_000;

    private Processes() {}

    /** Runs {@code command} in {@code dir} to completion, capturing its merged output. */
    static Result run(Path dir, List<String> command) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (dir != null) builder.directory(dir.toFile());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(List.copyOf(command), process.waitFor(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.getFirst(), e);
        }
    }

    /** Like {@link #run} but a non-zero exit is an error showing the command and its output. */
    static String check(Path dir, List<String> command) {
        Result result = run(dir, command);
        if (!result.ok()) {
            String output = result.output();
            if (output.length() > MAX_OUTPUT) output = output.substring(0, MAX_OUTPUT) + "\n[... output truncated]";
            throw new IllegalStateException("command failed (exit " + result.exitCode() + "): "
                    + String.join(" ", command) + "\n" + output);
        }
        return result.output();
    }

    /**
     * Runs {@code commands} with at most {@code jobs} at a time, in list order (put the longest first),
     * and fails with the output of the first that fails.
     */
    static void checkAll(Path dir, List<List<String>> commands, int jobs) {
        checkAll(dir, commands, jobs, (index, startNanos) -> { });
    }

    /** As {@link #checkAll(Path, List, int)}, telling {@code finished} the index and start time of each command that succeeds. */
    static void checkAll(Path dir, List<List<String>> commands, int jobs, BiConsumer<Integer, Long> finished) {
        if (commands.size() == 1 || jobs == 1) {
            for (int i = 0; i < commands.size(); i++) timed(dir, commands, i, finished);
            return;
        }
        RuntimeException failure = null;
        // Closing the pool waits for every process, so none still writes into a directory being removed.
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, commands.size()))) {
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < commands.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> timed(dir, commands, index, finished)));
            }
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while compiling", e);
                }
            }
        }
        if (failure != null) throw failure;
    }

    private static void timed(Path dir, List<List<String>> commands, int index, BiConsumer<Integer, Long> finished) {
        long start = System.nanoTime();
        check(dir, commands.get(index));
        finished.accept(index, start);
    }
}
