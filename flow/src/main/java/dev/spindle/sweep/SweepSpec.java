package dev.spindle.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a sweep measures, frozen into {@code DIR/sweep.json} when it starts so that a resumed run (or a Slurm task)
 * measures exactly the same thing.
 *
 * @param design   the design's registry name ({@code softmax}, {@code transformer}, ...)
 * @param grid     the axes
 * @param settings fixed {@code key=value} settings applied to every point (a grid key overrides none of them:
 *                 a key may not be both)
 * @param measures which measurements to take: {@code estimate}, {@code sim} or both
 * @param x        the plot's horizontal measure (a resource: {@code lut} or {@code dsp}, ...)
 * @param y        the plot's vertical measure ({@code latency}, ...)
 * @param seed     the seed of every point's simulation, so two executors give the same measures
 */
public record SweepSpec(String design, Grid grid, Map<String, String> settings, Set<String> measures,
                        String x, String y, long seed) {
    public static final Set<String> MEASURE_KINDS = Set.of("estimate", "sim");

    public SweepSpec {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(grid, "grid");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        for (String key : grid.axes().keySet())
            if (settings.containsKey(key))
                throw new IllegalArgumentException("'" + key + "' is both a --grid axis and a --set setting: give it once");
        if (measures.isEmpty()) throw new IllegalArgumentException("--measure: name at least one of estimate, sim");
        for (String m : measures)
            if (!MEASURE_KINDS.contains(m))
                throw new IllegalArgumentException("--measure " + m + ": allowed estimate, sim");
        measures = Set.copyOf(measures);
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
    }

    /** The points, in grid order: each point's settings are its grid values first, then the fixed settings. */
    public List<SweepPoint> points() {
        List<Map<String, String>> combos = grid.points();
        SweepPoint[] out = new SweepPoint[combos.size()];
        for (int i = 0; i < out.length; i++) {
            var s = new LinkedHashMap<>(combos.get(i));
            s.putAll(settings);
            out[i] = new SweepPoint(i, s);
        }
        return List.of(out);
    }
}
