package dev.spindle.sweep;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ParetoTest {
    private static PointResult ok(int i, long lut, long latency) {
        return new PointResult(i, "k" + i, Map.of(), Map.of("lut", lut, "latency", latency), Map.of(), PointResult.Status.ok, null, 1, null);
    }

    @Test
    void frontIsTheUndominatedPoints() {
        List<PointResult> in = new ArrayList<>(List.of(ok(0, 100, 50), ok(1, 200, 30), ok(2, 150, 60), ok(3, 300, 30), ok(4, 100, 50)));
        in.add(new PointResult(5, "k5", Map.of(), Map.of(), Map.of(), PointResult.Status.invalid, "bad", 0, null));
        List<PointResult> out = Pareto.flag(in, "lut", "latency");
        assertEquals(List.of(true, true, false, false, true), out.subList(0, 5).stream().map(PointResult::pareto).toList(),
                "(150,60) is dominated by (100,50); (300,30) by (200,30); equal points both stay on the front");
        assertNull(out.get(5).pareto(), "an invalid point has no flag");
    }
}
