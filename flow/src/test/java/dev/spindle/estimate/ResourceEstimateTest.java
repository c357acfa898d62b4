package dev.spindle.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceEstimateTest {
    private static final ResourceEstimate SAMPLE = new ResourceEstimate(
            123, 16, 2, 1.5, 0, 4, 7, 8, "Top", "xcup", Map.of("LUT6", 115, "RAM64M", 2, "FDRE", 16), 2.41);

    @Test
    void jsonHasExactlyTheSevenKeysInOrder() throws Exception {
        JsonNode json = new ObjectMapper().readTree(SAMPLE.toJson());
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("lut", "ff", "dsp", "bram", "uram", "carry", "depth"), keys);
        assertEquals(123, json.get("lut").intValue());
        assertEquals(1.5, json.get("bram").doubleValue());
        assertEquals(7, json.get("depth").intValue());
    }

    @Test
    void jsonIsOneLine() {
        assertEquals("{\"lut\":123,\"ff\":16,\"dsp\":2,\"bram\":1.5,\"uram\":0,\"carry\":4,\"depth\":7}", SAMPLE.toJson());
    }

    @Test
    void tableAlignsTheNumbers() {
        List<String> lines = SAMPLE.toTable().lines().toList();
        assertEquals("Top on xcup (2.4 s)", lines.get(0));
        assertEquals("  LUT    123  8 as memory", lines.get(1));
        assertEquals("  FF      16", lines.get(2));
        assertEquals("  BRAM   1.5  RAMB36 tiles (a RAMB18 is 0.5)", lines.get(4));
        assertEquals("  depth    7  LUT levels, longest path", lines.get(7));
        assertEquals(8, lines.size());
    }

    @Test
    void wholeBramPrintsWithoutAFraction() {
        var e = new ResourceEstimate(0, 0, 0, 32.0, 0, 0, 0, 0, "R", "xcup", Map.of(), 0);
        assertTrue(e.toTable().contains("  BRAM   32  RAMB36"), e.toTable());
    }

    @Test
    void cellsAreSortedAndUnmodifiable() {
        assertEquals(List.of("FDRE", "LUT6", "RAM64M"), List.copyOf(SAMPLE.cells().keySet()));
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> SAMPLE.cells().put("X", 1));
    }
}
