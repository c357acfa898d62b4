package dev.spindle.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The axes of a sweep, in the order they were given; {@link #points()} is their Cartesian product with the last axis
 * varying fastest (as nested loops written in that order would run).
 */
public record Grid(Map<String, List<String>> axes) {
    public Grid {
        if (axes.isEmpty()) throw new IllegalArgumentException("--grid: a sweep needs at least one axis (key=v1,v2,...)");
        var copy = new LinkedHashMap<String, List<String>>();
        axes.forEach((k, v) -> {
            if (v.isEmpty()) throw new IllegalArgumentException("--grid " + k + ": no values");
            copy.put(k, List.copyOf(v));
        });
        axes = Collections.unmodifiableMap(copy);
    }

    /** Parses {@code key=v1,v2,...} options; a key given twice is refused. */
    public static Grid parse(List<String> options) {
        var axes = new LinkedHashMap<String, List<String>>();
        for (String option : options) {
            int eq = option.indexOf('=');
            if (eq <= 0 || eq == option.length() - 1)
                throw new IllegalArgumentException("--grid '" + option + "': expected key=v1,v2,...");
            String key = option.substring(0, eq).trim();
            List<String> values = new ArrayList<>();
            for (String v : option.substring(eq + 1).split(",", -1)) {
                String t = v.trim();
                if (t.isEmpty()) throw new IllegalArgumentException("--grid '" + option + "': empty value");
                if (values.contains(t)) throw new IllegalArgumentException("--grid '" + option + "': value " + t + " given twice");
                values.add(t);
            }
            if (axes.put(key, values) != null) throw new IllegalArgumentException("--grid " + key + " given twice");
        }
        return new Grid(axes);
    }

    public int size() {
        long n = 1;
        for (List<String> v : axes.values()) n = Math.multiplyExact(n, v.size());
        return Math.toIntExact(n);
    }

    /** Every combination, each a map in axis order. */
    public List<Map<String, String>> points() {
        List<Map<String, String>> out = new ArrayList<>(size());
        List<String> keys = new ArrayList<>(axes.keySet());
        int[] digit = new int[keys.size()];
        for (int n = 0; n < size(); n++) {
            var point = new LinkedHashMap<String, String>();
            for (int i = 0; i < keys.size(); i++) point.put(keys.get(i), axes.get(keys.get(i)).get(digit[i]));
            out.add(Collections.unmodifiableMap(point));
            for (int i = keys.size() - 1; i >= 0; i--) {
                if (++digit[i] < axes.get(keys.get(i)).size()) break;
                digit[i] = 0;
            }
        }
        return out;
    }
}
