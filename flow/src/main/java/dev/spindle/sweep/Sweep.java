package dev.spindle.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * A design-space sweep: every point of a grid generated, estimated and simulated, in parallel on this machine or as
 * a Slurm job array, resumable, merged into {@code results.jsonl}/{@code results.csv} with a Pareto plot.
 * <pre>{@code
 * Summary s = Sweep.of("softmax")
 *         .grid("algorithm", "EXP_TABLE", "BASE2").grid("lanes", "1", "2", "4")
 *         .set("length", "64")
 *         .run(new LocalExecutor(2), Path.of("s1"));
 * }</pre>
 * {@code spindle sweep} is a thin shell over this class.
 */
public final class Sweep {
    private final String design;
    private final Map<String, List<String>> axes = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private Set<String> measures = new LinkedHashSet<>(List.of("estimate", "sim"));
    private String x = "lut", y = "latency";
    private long seed = 1;
    private SweepTarget target = new RegistryTarget();
    private PointCommand command;
    private PrintStream out = System.out;

    private Sweep(String design) { this.design = design; }

    public static Sweep of(String design) { return new Sweep(design); }

    public Sweep grid(String key, String... values) { axes.put(key, List.of(values)); return this; }
    public Sweep grid(Grid grid) { axes.putAll(grid.axes()); return this; }
    public Sweep set(String key, String value) { settings.put(key, value); return this; }
    public Sweep set(Map<String, String> s) { settings.putAll(s); return this; }
    public Sweep measure(Set<String> m) { measures = new LinkedHashSet<>(m); return this; }
    public Sweep x(String measure) { x = measure; return this; }
    public Sweep y(String measure) { y = measure; return this; }
    public Sweep seed(long s) { seed = s; return this; }
    public Sweep target(SweepTarget t) { target = t; return this; }
    /** How each point is run (default {@link PointCommand#current()}). */
    public Sweep command(PointCommand c) { command = c; return this; }
    /** Where progress lines and the summary go (default standard output). */
    public Sweep progress(PrintStream p) { out = p; return this; }

    public SweepSpec spec() { return new SweepSpec(design, new Grid(axes), settings, measures, x, y, seed); }

    /** What a finished sweep did. */
    public record Summary(List<PointResult> results, int reused, int ran, Path png, double seconds) {
        public long count(PointResult.Status s) { return results.stream().filter(r -> r.status() == s).count(); }
    }

    public Summary run(Executor executor, Path directory) throws InterruptedException {
        long start = System.nanoTime();
        SweepSpec spec = spec();
        SweepDir dir = new SweepDir(directory);
        dir.freeze(spec);
        List<SweepPoint> points = spec.points();
        PointRunner runner = new PointRunner(target);
        List<SweepPoint> pending = new ArrayList<>();
        int reused = 0;
        List<PointResult> invalid = new ArrayList<>();
        for (SweepPoint p : points) {
            PointRunner.Keyed keyed = runner.key(spec, p);
            if (keyed instanceof PointRunner.Invalid inv) {
                PointResult r = new PointResult(p.index(), inv.key(), p.settings(), Map.of(), Map.of(),
                        PointResult.Status.invalid, inv.error(), 0, null);
                dir.writeResult(r);
                invalid.add(r);
                continue;
            }
            String key = ((PointRunner.Valid) keyed).key();
            var stored = dir.result(p.index());
            if (stored.isPresent() && stored.get().done() && stored.get().key().equals(key)) reused++;
            else pending.add(p);
        }
        out.printf("sweep: %s, %d points: %d done in an earlier run, %d invalid, %d to run (%s)%n", design, points.size(),
                reused, invalid.size(), pending.size(), describe(executor));
        for (PointResult r : invalid) out.println(progressLine(spec, r, points.size(), null));
        PointCommand cmd = command != null ? command : PointCommand.current();
        executor.run(dir, pending, cmd, r -> {
            // a point whose process died left no result file: record the failure so the merged files say why
            if (dir.result(r.index()).isEmpty()) dir.writeResult(r);
            out.println(progressLine(spec, r, points.size(), dir));
        });
        List<PointResult> merged = Results.merge(dir, spec);
        Path png = ParetoPlot.write(dir.root(), spec, merged);
        Summary s = new Summary(merged, reused, pending.size(), png, (System.nanoTime() - start) / 1e9);
        out.printf(Locale.ROOT, "sweep: %d points: %d ok, %d invalid, %d failed (%d reused from an earlier run) in %.1f s%n",
                points.size(), s.count(PointResult.Status.ok), s.count(PointResult.Status.invalid),
                s.count(PointResult.Status.failed), reused, s.seconds());
        long front = merged.stream().filter(r -> Boolean.TRUE.equals(r.pareto())).count();
        out.println("sweep: results " + dir.resultsJsonl() + ", " + dir.resultsCsv()
                + (png == null ? "; no plot (no point has both " + x + " and " + y + ")" : "; plot " + png + " (" + front + " points on the Pareto front of " + x + " and " + y + ")"));
        return s;
    }

    /** Measures point K of the sweep in {@code dir} and writes its result file: what each point's process runs. */
    public static int runPoint(Path directory, int index) {
        SweepDir dir = new SweepDir(directory);
        SweepSpec spec = dir.spec();
        SweepPoint p = dir.point(index);
        PointResult r = new PointRunner(new RegistryTarget()).run(spec, p);
        dir.writeResult(r);
        System.out.println(progressLine(spec, r, spec.grid().size(), null));
        return r.status() == PointResult.Status.failed ? 1 : 0;
    }

    /** {@code [12/48] lanes=4 algorithm=BASE2: lut=3503 latency=47 error=0.519 LSB (6.1 s)}. */
    static String progressLine(SweepSpec spec, PointResult r, int total, SweepDir dir) {
        StringJoiner keys = new StringJoiner(" ");
        for (String k : spec.grid().axes().keySet()) keys.add(k + "=" + r.config().get(k));
        String head = "[" + (r.index() + 1) + "/" + total + "] " + keys + ": ";
        return switch (r.status()) {
            case invalid -> head + "invalid: " + r.error();
            case failed -> head + "failed: " + r.error() + (dir != null && !r.error().contains("last lines of")
                    ? "\n  last lines of " + dir.logFile(r.index()) + ":\n" + Logs.tail(dir.logFile(r.index()), 10).stripTrailing() : "");
            case ok -> head + headline(spec, r) + String.format(Locale.ROOT, " (%.1f s)", r.seconds());
        };
    }

    private static String headline(SweepSpec spec, PointResult r) {
        Set<String> shown = new LinkedHashSet<>(List.of("lut", "dsp", spec.x(), spec.y(), "latency", "throughput", "error", "mismatches"));
        StringJoiner j = new StringJoiner(" ");
        for (String m : shown) {
            Number v = r.measures().get(m);
            if (v == null) continue;
            String unit = r.units().get(m);
            j.add(m + "=" + format(v) + (unit == null ? "" : " " + unit));
        }
        return j.toString();
    }

    static String format(Number v) {
        if (v instanceof Double || v instanceof Float) {
            double d = v.doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.3f", d);
        }
        return v.toString();
    }

    private static String describe(Executor e) {
        if (e instanceof LocalExecutor l) return "local:" + l.parallel();
        if (e instanceof SlurmExecutor) return "slurm";
        return e.getClass().getSimpleName();
    }
}
