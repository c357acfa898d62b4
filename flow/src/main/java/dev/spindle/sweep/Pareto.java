package dev.spindle.sweep;

import java.util.ArrayList;
import java.util.List;

/** The Pareto front of two measures that are both better when smaller (resources against latency, say). */
public final class Pareto {
    private Pareto() {}

    /**
     * Sets each result's {@code pareto} flag: true when no other measured point is at least as good on both measures
     * and better on one; null for a point that lacks either measure (failed, invalid, or not measured).
     */
    public static List<PointResult> flag(List<PointResult> results, String x, String y) {
        List<PointResult> out = new ArrayList<>(results.size());
        for (PointResult r : results) {
            if (!measured(r, x, y)) { out.add(r.withPareto(null)); continue; }
            double rx = r.measures().get(x).doubleValue(), ry = r.measures().get(y).doubleValue();
            boolean dominated = false;
            for (PointResult o : results) {
                if (o == r || !measured(o, x, y)) continue;
                double ox = o.measures().get(x).doubleValue(), oy = o.measures().get(y).doubleValue();
                if (ox <= rx && oy <= ry && (ox < rx || oy < ry)) { dominated = true; break; }
            }
            out.add(r.withPareto(!dominated));
        }
        return out;
    }

    static boolean measured(PointResult r, String x, String y) {
        return r.status() == PointResult.Status.ok && r.measures().containsKey(x) && r.measures().containsKey(y);
    }
}
