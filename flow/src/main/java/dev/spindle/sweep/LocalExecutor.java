package dev.spindle.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code local[:N]}: at most N points at once, each in its own JVM (a crash or a native fault in one point cannot
 * take the sweep down, and each point's output goes to its own log). The Verilator model cache is shared; its
 * builds are safe to run concurrently. Interrupting the sweep ends the running points; their partial work leaves no
 * result file, so the next run does them again.
 */
public final class LocalExecutor implements Executor {
    private final int parallel;

    public LocalExecutor(int parallel) {
        if (parallel < 1) throw new IllegalArgumentException("parallel = " + parallel + " is out of range: allowed 1 or more");
        this.parallel = parallel;
    }

    public int parallel() { return parallel; }

    @Override
    public void run(SweepDir dir, List<SweepPoint> pending, PointCommand command, Listener listener) throws InterruptedException {
        Deque<SweepPoint> queue = new ArrayDeque<>(pending);
        Map<Process, SweepPoint> running = new ConcurrentHashMap<>();
        Map<Process, Long> started = new ConcurrentHashMap<>();
        LinkedBlockingQueue<Process> ended = new LinkedBlockingQueue<>();
        AtomicBoolean stopping = new AtomicBoolean();
        Thread reaper = new Thread(() -> {
            stopping.set(true);   // before the kills, so the points they end are not reported as failures
            running.keySet().forEach(LocalExecutor::kill);
            System.err.println("sweep: interrupted; the finished points are kept in " + dir.root()
                    + ": run the same command again to do the rest");
        }, "spindle-sweep-stop");
        Runtime.getRuntime().addShutdownHook(reaper);
        try {
            while (!queue.isEmpty() || !running.isEmpty()) {
                while (running.size() < parallel && !queue.isEmpty()) {
                    SweepPoint p = queue.poll();
                    Process proc = start(dir, p, command);
                    running.put(proc, p);
                    started.put(proc, System.nanoTime());
                    proc.onExit().thenAccept(ended::add);
                }
                Process done = ended.take();
                if (stopping.get()) return;
                SweepPoint p = running.remove(done);
                double seconds = (System.nanoTime() - started.remove(done)) / 1e9;
                listener.finished(dir.result(p.index())
                        .orElseGet(() -> Executor.lost(dir, p, "the point's process exited with code " + done.exitValue()
                                + " and left no result", seconds)));
            }
        } catch (InterruptedException e) {
            running.keySet().forEach(LocalExecutor::kill);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(reaper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it stops the points
            }
        }
    }

    private static Process start(SweepDir dir, SweepPoint p, PointCommand command) {
        ProcessBuilder pb = new ProcessBuilder(command.forPoint(p.index(), dir.root()))
                .redirectErrorStream(true)
                .redirectOutput(dir.logFile(p.index()).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().put("SPINDLE_SWEEP_TASK", "1");   // N launchers start at once: none rebuilds or rewrites the class-data archive
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start point " + p.index() + " (" + String.join(" ", pb.command()) + "): " + e.getMessage(), e);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
    }
}
