package dev.spindle.sweep;

import dev.spindle.tools.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code slurm}: one job-array task per pending point, submitted with {@code sbatch} and followed with
 * {@code squeue} and the points' result and status files on the shared sweep directory ({@code sacct} needs a
 * slurmdbd that a small cluster may not run). Slurm does the scheduling; this only writes, submits and waits.
 * Arrays are split at {@link #MAX_ARRAY} tasks, below Slurm's default {@code MaxArraySize} of 1001.
 */
public final class SlurmExecutor implements Executor {
    public static final int MAX_ARRAY = 1000;
    static final long POLL_MILLIS = 500;

    private final List<String> slurmArgs;
    private final Map<String, String> environment;

    public SlurmExecutor(List<String> slurmArgs) { this(slurmArgs, Map.of()); }

    /**
     * @param slurmArgs   extra {@code sbatch} options ({@code --partition=…}, {@code --time=…}, {@code --mem=…})
     * @param environment extra environment of the Slurm commands, e.g. {@code SLURM_CONF} for a test cluster
     */
    public SlurmExecutor(List<String> slurmArgs, Map<String, String> environment) {
        this.slurmArgs = List.copyOf(slurmArgs);
        this.environment = Map.copyOf(environment);
    }

    /** Writes {@code DIR/sweep.sbatch}: task i of an array measures the point on line i+1 of the list file $1. */
    public static Path writeScript(SweepDir dir, PointCommand command) {
        Path script = dir.root().resolve("sweep.sbatch");
        String cmd = String.join(" ", command.prefix().stream().map(SlurmExecutor::quote).toList());
        String root = quote(dir.root().toString());
        String text = """
                #!/bin/bash
                #SBATCH --job-name=spindle-sweep
                #SBATCH --output=%1$s/logs/slurm-%%A_%%a.out
                #SBATCH --cpus-per-task=1
                # Written by spindle sweep. Task i of the array measures the point on line i+1 of the list file given
                # as $1 and leaves its exit code in status/point-K.status beside the point's own result file.
                set -u
                list=$1
                k=$(sed -n "$((SLURM_ARRAY_TASK_ID + 1))p" "$list")
                if [ -z "$k" ]; then echo "spindle sweep: no point for task $SLURM_ARRAY_TASK_ID in $list" >&2; exit 2; fi
                export SPINDLE_SWEEP_TASK=1   # many tasks start at once: none rebuilds Spindle or rewrites its class-data archive
                %2$s "$k" %1$s > %1$s/logs/point-"$k".log 2>&1
                rc=$?
                echo "$rc" > %1$s/status/point-"$k".status
                exit "$rc"
                """.formatted(root, cmd);
        AtomicFile.write(script, text);
        try {
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make " + script + " executable: " + e.getMessage(), e);
        }
        return script;
    }

    @Override
    public void run(SweepDir dir, List<SweepPoint> pending, PointCommand command, Listener listener) throws InterruptedException {
        if (pending.isEmpty()) return;
        Path script = writeScript(dir, command);
        try {
            Files.createDirectories(dir.statusFile(0).getParent());
            Files.createDirectories(dir.root().resolve("slurm"));
            for (SweepPoint p : pending) Files.deleteIfExists(dir.statusFile(p.index()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir.root() + " for Slurm: " + e.getMessage(), e);
        }
        List<String> jobs = new ArrayList<>();
        Thread cancel = new Thread(() -> cancel(jobs, environment), "spindle-sweep-scancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            for (int from = 0, chunk = 0; from < pending.size(); from += MAX_ARRAY, chunk++) {
                List<SweepPoint> part = pending.subList(from, Math.min(pending.size(), from + MAX_ARRAY));
                Path list = dir.root().resolve("slurm").resolve("array-" + chunk + ".txt");
                StringBuilder sb = new StringBuilder();
                part.forEach(p -> sb.append(p.index()).append('\n'));
                AtomicFile.write(list, sb.toString());
                List<String> submit = new ArrayList<>(List.of("sbatch", "--parsable", "--array=0-" + (part.size() - 1)));
                submit.addAll(slurmArgs);
                submit.add(script.toString());
                submit.add(list.toString());
                Run r = Run.of(submit, 60, environment);
                if (r.code != 0) throw new IllegalStateException("sbatch failed (exit " + r.code + "): " + r.output.strip()
                        + "\n  command: " + String.join(" ", submit));
                String id = r.output.strip().split(";")[0];
                jobs.add(id);
                System.err.printf("slurm: submitted job %s, an array of %d tasks (%s)%n", id, part.size(), script);
            }
            follow(dir, pending, jobs, listener);
        } catch (InterruptedException e) {
            cancel(jobs, environment);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancel);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it cancels the jobs
            }
        }
    }

    private void follow(SweepDir dir, List<SweepPoint> pending, List<String> jobs, Listener listener) throws InterruptedException {
        Map<Integer, SweepPoint> open = new LinkedHashMap<>();
        pending.forEach(p -> open.put(p.index(), p));
        long start = System.nanoTime(), lastStatus = start;
        int squeueFailures = 0;
        while (!open.isEmpty()) {
            for (var it = open.values().iterator(); it.hasNext(); ) {
                SweepPoint p = it.next();
                Path status = dir.statusFile(p.index());
                if (!Files.exists(status)) continue;
                it.remove();
                double seconds = (System.nanoTime() - start) / 1e9;
                listener.finished(dir.result(p.index()).orElseGet(() -> Executor.lost(dir, p,
                        "Slurm task exited with code " + readStatus(status) + " and left no result", seconds)));
            }
            if (open.isEmpty()) break;
            Run q = Run.of(List.of("squeue", "-h", "-r", "-j", String.join(",", jobs), "-o", "%i %T"), 30, environment);
            if (q.code != 0 && !q.output.contains("Invalid job id")) {
                if (++squeueFailures >= 20)
                    throw new IllegalStateException("squeue is not answering (" + q.output.strip() + "): is slurmctld running? "
                            + "The jobs " + jobs + " may still run; their results land in " + dir.root() + " (run the sweep again to merge them)");
            } else {
                squeueFailures = 0;
                Set<String> live = new HashSet<>(q.output.lines().filter(l -> !l.isBlank()).toList());
                if (q.code != 0 || live.isEmpty()) {
                    // every task has left the queue: wait briefly for the last status files on a shared file system
                    Thread.sleep(2 * POLL_MILLIS);
                    for (SweepPoint p : new ArrayList<>(open.values())) {
                        Path status = dir.statusFile(p.index());
                        if (Files.exists(status)) continue;
                        open.remove(p.index());
                        double seconds = (System.nanoTime() - start) / 1e9;
                        listener.finished(dir.result(p.index()).orElseGet(() -> Executor.lost(dir, p,
                                "Slurm task ended without a status file (cancelled, timed out or killed by Slurm)", seconds)));
                    }
                    continue;
                }
                if (System.nanoTime() - lastStatus > TimeUnit.SECONDS.toNanos(60)) {
                    long runningTasks = live.stream().filter(l -> l.endsWith("RUNNING")).count();
                    System.err.printf("slurm: %d tasks running, %d waiting, %d points left%n", runningTasks, live.size() - runningTasks, open.size());
                    lastStatus = System.nanoTime();
                }
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static String readStatus(Path status) {
        try {
            return Files.readString(status).strip();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void cancel(List<String> jobs, Map<String, String> environment) {
        if (jobs.isEmpty()) return;
        List<String> c = new ArrayList<>(List.of("scancel"));
        c.addAll(jobs);
        try {
            Run.of(c, 30, environment);
            System.err.println("slurm: cancelled jobs " + String.join(",", jobs));
        } catch (RuntimeException | InterruptedException e) {
            System.err.println("slurm: could not cancel jobs " + String.join(",", jobs) + ": " + e.getMessage());
        }
    }

    private static String quote(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** A short command's exit code and output (both streams). */
    record Run(int code, String output) {
        static Run of(List<String> command, int timeoutSeconds, Map<String, String> environment) throws InterruptedException {
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
                pb.environment().putAll(environment);
                Process p = pb.start();
                p.getOutputStream().close();
                byte[] out = p.getInputStream().readAllBytes();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new Run(-1, command.get(0) + " did not answer in " + timeoutSeconds + " s");
                }
                return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException(command.get(0) + " cannot be run (" + e.getMessage() + "): install Slurm's "
                        + "client commands (Debian: apt-get install slurm-client) or use --executor local", e);
            }
        }
    }
}
