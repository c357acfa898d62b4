package dev.spindle.sweep;

import dev.spindle.tools.AtomicFile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Merges the points' result files into {@code results.jsonl} and {@code results.csv}, with the Pareto flags set. */
public final class Results {
    private Results() {}

    /**
     * @return every point's result in point order (a point that has none yet is reported as failed with
     * "no result", so the merged files always have one line per point)
     */
    public static List<PointResult> merge(SweepDir dir, SweepSpec spec) {
        List<PointResult> all = new ArrayList<>();
        for (SweepPoint p : spec.points())
            all.add(dir.result(p.index()).orElseGet(() -> new PointResult(p.index(), "", p.settings(),
                    java.util.Map.of(), java.util.Map.of(), PointResult.Status.failed, "no result", 0, null)));
        all = Pareto.flag(all, spec.x(), spec.y());
        StringBuilder jsonl = new StringBuilder();
        for (PointResult r : all) jsonl.append(SweepDir.resultJson(r)).append('\n');
        AtomicFile.write(dir.resultsJsonl(), jsonl.toString());
        AtomicFile.write(dir.resultsCsv(), csv(all, spec));
        return all;
    }

    /** Columns: index,status,seconds,pareto, one per config key, one per measure (in first-seen order), error. */
    static String csv(List<PointResult> all, SweepSpec spec) {
        Set<String> configKeys = new LinkedHashSet<>();
        Set<String> measureKeys = new LinkedHashSet<>();
        for (PointResult r : all) { configKeys.addAll(r.config().keySet()); measureKeys.addAll(r.measures().keySet()); }
        StringBuilder sb = new StringBuilder("index,status,seconds,pareto");
        configKeys.forEach(k -> sb.append(",config.").append(k));
        measureKeys.forEach(k -> sb.append(",measures.").append(k));
        sb.append(",error\n");
        for (PointResult r : all) {
            sb.append(r.index()).append(',').append(r.status()).append(',').append(r.seconds()).append(',')
                    .append(r.pareto() == null ? "" : r.pareto());
            configKeys.forEach(k -> sb.append(',').append(cell(r.config().get(k))));
            measureKeys.forEach(k -> sb.append(',').append(r.measures().containsKey(k) ? r.measures().get(k).toString() : ""));
            sb.append(',').append(cell(r.error())).append('\n');
        }
        return sb.toString();
    }

    private static String cell(String s) {
        if (s == null) return "";
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\"", "\"\"").replace('\n', ' ') + '"';
    }
}
