package dev.spindle.estimate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerilogModulesTest {
    static final String LEAF = "// Generated from Leaf a. Do not edit.\nmodule Leaf (\n  input clk\n);\nendmodule\n";
    static final String LEAF_1 = "// Generated from Leaf b. Do not edit.\nmodule Leaf_1 (\n  input clk\n);\nendmodule\n";
    static final String MID = "module Mid (\n  input clk\n);\n  Leaf leaf (  // Mid.java:3\n    .clk(clk)\n  );\n  Leaf leaf_1 (\n    .clk(clk)\n  );\nendmodule\n";
    static final String TOP = "module Top (\n  input clk\n);\n  Mid mid (\n    .clk(clk)\n  );\n  Mid mid_1 (\n    .clk(clk)\n  );\n"
            + "  Leaf_1 leaf (\n    .clk(clk)\n  );\nendmodule\n";
    static final Map<String, String> FILES = Map.of("Leaf.v", LEAF, "Leaf_1.v", LEAF_1, "Mid.v", MID, "Top.v", TOP);

    @Test void countsInstancesThroughTheTree() {
        var m = VerilogModules.of(FILES);
        assertEquals(Map.of("Leaf", 2), m.module("Mid").children());
        assertEquals(Map.of("Top", 1L, "Mid", 2L, "Leaf", 4L, "Leaf_1", 1L), m.instances("Top"));
        List<String> order = m.below("Top").stream().map(VerilogModules.Module::name).toList();
        assertEquals("Top", order.getLast());
        assertTrue(order.indexOf("Leaf") < order.indexOf("Mid"), "children first: " + order);
    }

    @Test void modulesDifferingOnlyInNameAndCommentsAreOneCircuit() {
        var m = VerilogModules.of(FILES);
        assertEquals(m.module("Leaf").circuit(), m.module("Leaf_1").circuit());
        assertNotEquals(m.module("Leaf").circuit(), m.module("Mid").circuit());
    }

    @Test void unknownTopAndTwoModulesInOneFileAreErrors() {
        var e = assertThrows(EstimateException.class, () -> VerilogModules.of(FILES).below("Nope"));
        assertTrue(e.getMessage().contains("module Nope is not declared"), e.getMessage());
        var two = assertThrows(EstimateException.class, () -> VerilogModules.of(Map.of("Both.v", LEAF + MID)));
        assertTrue(two.getMessage().contains("file Both.v declares modules Leaf and Mid"), two.getMessage());
    }
}
