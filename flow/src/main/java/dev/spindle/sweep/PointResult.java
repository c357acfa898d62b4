package dev.spindle.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point's outcome, as {@code DIR/points/<index>.json} and one line of {@code results.jsonl}.
 *
 * @param index    the point's line in {@code points.jsonl}
 * @param key      the point's cache key: a hash of its configuration, Spindle's version and its Verilog (or of the
 *                 configuration and version alone when it is invalid and has no Verilog)
 * @param config   the point's settings, grid keys first
 * @param measures measurement name to number ({@code lut}, {@code latency}, {@code error}, ...), in a stable order
 * @param units    units of the measures that have one ({@code error} → {@code LSB})
 * @param status   {@code ok}, {@code invalid} (a configuration error: see {@code error}) or {@code failed}
 * @param error    the configuration error or failure message; null when ok
 * @param seconds  the point's wall time
 * @param pareto   on the Pareto front of the plotted measures; null until merged, and for points without them
 */
public record PointResult(int index, String key, Map<String, String> config, Map<String, Number> measures,
                          Map<String, String> units, Status status, String error, double seconds, Boolean pareto) {
    public enum Status {
        ok, invalid, failed
    }

    public PointResult {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
        measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
        units = Collections.unmodifiableMap(new LinkedHashMap<>(units));
    }

    public PointResult withPareto(Boolean onFront) {
        return new PointResult(index, key, config, measures, units, status, error, seconds, onFront);
    }

    public boolean done() { return status == Status.ok || status == Status.invalid; }
}
