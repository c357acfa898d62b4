package dev.spindle.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Point {@code index} of a sweep (line {@code index} of {@code points.jsonl}, counted from 0) and its settings. */
public record SweepPoint(int index, Map<String, String> settings) {
    public SweepPoint {
        if (index < 0) throw new IllegalArgumentException("point index " + index + " is negative");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
