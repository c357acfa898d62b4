package dev.spindle.sweep;

import java.util.List;
import java.util.Map;

/** Runs a sweep's pending points, each as {@code <point command> K DIR}, and reports each as it ends. */
public interface Executor {
    /** Called once per finished point, never concurrently. */
    interface Listener {
        void finished(PointResult result);
    }

    /** Runs every point of {@code pending}; returns when all have ended (or throws when the executor cannot run). */
    void run(SweepDir dir, List<SweepPoint> pending, PointCommand command, Listener listener) throws InterruptedException;

    /** {@code local}, {@code local:N} or {@code slurm}. */
    static Executor parse(String text, List<String> slurmArgs) {
        if (text.equals("slurm")) return new SlurmExecutor(slurmArgs);
        if (!slurmArgs.isEmpty()) throw new IllegalArgumentException("--slurm-arg is for --executor slurm only");
        if (text.equals("local")) return new LocalExecutor(Runtime.getRuntime().availableProcessors());
        if (text.startsWith("local:")) {
            int n;
            try {
                n = Integer.parseInt(text.substring(6));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--executor " + text + ": N must be a whole number from 1 to 256");
            }
            if (n < 1 || n > 256) throw new IllegalArgumentException("--executor " + text + ": N = " + n + " is out of range: allowed 1..256");
            return new LocalExecutor(n);
        }
        throw new IllegalArgumentException("--executor " + text + ": allowed local, local:N or slurm");
    }

    /** A point that ended without a result file: failed, with the last lines of its log. */
    static PointResult lost(SweepDir dir, SweepPoint p, String why, double seconds) {
        return new PointResult(p.index(), "", p.settings(), Map.of(), Map.of(),
                PointResult.Status.failed, why + "; last lines of " + dir.logFile(p.index()) + ":\n" + Logs.tail(dir.logFile(p.index()), 15),
                seconds, null);
    }
}
