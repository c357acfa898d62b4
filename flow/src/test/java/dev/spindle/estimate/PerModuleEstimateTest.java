package dev.spindle.estimate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Yosys runs (about 6 s): Mul once, TwoMuls with Mul as a black box. */
class PerModuleEstimateTest {
    static Map<String, String> files() throws IOException {
        return Map.of("Mul.v", Files.readString(YosysEstimatorTest.fixture("Mul.v")),
                "TwoMuls.v", Files.readString(YosysEstimatorTest.fixture("TwoMuls.v")));
    }

    /** The fast flow (one generic run a module) counts the same DSPs, registers and depth on this design. */
    @Test void fastFlowCountsProductsRegistersAndDepth() throws IOException {
        HierarchyEstimate h = PerModuleEstimate.of("TwoMuls", files(), Map.of(), EstimateOptions.defaults().withFast(true),
                new PrintStream(new java.io.ByteArrayOutputStream(), true));
        assertEquals(2, h.total().dsp(), h.total().cells().toString());
        assertEquals(3 * 32, h.total().ff(), "two product registers and the sum register");
        assertEquals(1, h.units().getFirst().own().depth(), "a multiplier counts one level");
        assertTrue(h.total().lut() >= 32 && h.total().lut() < 64, "the 32 XORs in LUTs: " + h.total().lut());
    }

    @Test void totalsCountEveryInstanceAndEachModuleIsSynthesisedOnce() throws IOException {
        Map<String, String> files = files();
        var progress = new java.io.ByteArrayOutputStream();
        HierarchyEstimate h = PerModuleEstimate.of("TwoMuls", files, Map.of(), EstimateOptions.defaults(), new PrintStream(progress, true));
        UnitEstimate mul = h.units().getFirst();
        UnitEstimate top = h.units().getLast();
        assertEquals("Mul", mul.module());
        assertEquals(2, mul.instances());
        assertEquals(1, mul.own().dsp(), mul.own().cells().toString());
        assertEquals(0, top.own().dsp(), "the parent's own logic holds no multiplier: " + top.own().cells());
        assertEquals(32, top.own().ff(), "its 32-bit register");
        assertEquals(2, h.total().dsp(), "two instances of Mul");
        assertEquals(2 * mul.own().ff() + 32, h.total().ff());
        assertEquals(2 * mul.own().lut() + top.own().lut(), h.total().lut());
        assertEquals(Math.max(mul.own().depth(), top.own().depth()), h.total().depth());
        assertTrue(!h.total().cells().containsKey("Mul"), "child modules are not cells of the total: " + h.total().cells());
        assertTrue(progress.toString().contains("2 modules, 2 distinct circuits"), progress.toString());
        assertTrue(h.toTable().contains("totals ignore optimisation across module boundaries"), h.toTable());
        assertEquals(h.total().toJson(), h.toJson());
    }
}
