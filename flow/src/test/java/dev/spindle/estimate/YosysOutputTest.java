package dev.spindle.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class YosysOutputTest {
    @Test
    void readsTheDesignCellCounts() {
        String json = """
                { "creator": "Yosys 0.23",
                  "modules": { "\\\\Counter": { "num_cells_by_type": { "FDCE": 99 } } },
                  "design": { "num_cells": 21, "num_cells_by_type": { "CARRY4": 4, "FDCE": 16, "INV": 1 } } }
                """;
        assertEquals(Map.of("CARRY4", 4, "FDCE", 16, "INV", 1), YosysOutput.cellsByType(json));
    }

    @Test
    void statWithoutDesignIsAnError() {
        assertThrows(EstimateException.class, () -> YosysOutput.cellsByType("{\"modules\":{}}"));
        assertThrows(EstimateException.class, () -> YosysOutput.cellsByType("not json"));
    }

    @Test
    void depthIsTheLtpLength() {
        String ltp = """
                9. Executing LTP pass (find longest path).

                Longest topological path in Chain (length=26):
                    0: \\a [3]
                """;
        assertEquals(26, YosysOutput.depth(ltp));
    }

    @Test
    void emptyDesignHasDepthZero() {
        assertEquals(0, YosysOutput.depth("Longest topological path in Empty (length=-1):\n"));
    }

    @Test
    void missingLtpLineIsAnError() {
        assertThrows(EstimateException.class, () -> YosysOutput.depth("9. Executing LTP pass\n"));
    }
}
