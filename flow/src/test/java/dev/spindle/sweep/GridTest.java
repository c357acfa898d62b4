package dev.spindle.sweep;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridTest {
    @Test
    void productInGridOrderLastAxisFastest() {
        Grid g = Grid.parse(List.of("algorithm=A,B", "lanes=1,2,4"));
        assertEquals(6, g.size());
        List<Map<String, String>> p = g.points();
        assertEquals(Map.of("algorithm", "A", "lanes", "1"), p.get(0));
        assertEquals(Map.of("algorithm", "A", "lanes", "4"), p.get(2));
        assertEquals(Map.of("algorithm", "B", "lanes", "1"), p.get(3));
        assertEquals(List.of("algorithm", "lanes"), List.copyOf(p.get(5).keySet()));
    }

    @Test
    void badGridsNameTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("lanes"))).getMessage().contains("--grid 'lanes'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("lanes=1,,2"))).getMessage().contains("empty value"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("lanes=1,1"))).getMessage().contains("given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of("a=1", "a=2"))).getMessage().contains("--grid a given twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Grid.parse(List.of())).getMessage().contains("at least one axis"));
    }

    @Test
    void aKeyCannotBeBothGridAndSetting() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sweep.of("counter").grid("width", "4").set("width", "8").spec());
        assertTrue(e.getMessage().contains("'width' is both a --grid axis and a --set setting"), e.getMessage());
    }
}
