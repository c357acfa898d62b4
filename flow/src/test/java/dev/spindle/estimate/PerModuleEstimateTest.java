package dev.spindle.estimate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two Yosys runs (about 6 s): Mul once, TwoMuls with Mul as a black box; the cache test three more fast ones. */
class PerModuleEstimateTest {
    @org.junit.jupiter.api.io.TempDir java.nio.file.Path cacheDir;

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

    /**
     * A module estimated before is read back from the cache with the same figures and no Yosys run; a module whose
     * Verilog changed (here the parent) is synthesised again while its unchanged child still hits; a cache file that
     * does not parse is a miss.
     */
    @Test void unchangedModulesComeFromTheCache() throws IOException {
        EstimateCache cache = new EstimateCache(cacheDir);
        EstimateOptions fast = EstimateOptions.defaults().withFast(true);
        var first = new java.io.ByteArrayOutputStream();
        HierarchyEstimate a = PerModuleEstimate.of("TwoMuls", files(), Map.of(), fast, new PrintStream(first, true), cache);
        assertTrue(first.toString().contains("spindle: 2 Yosys runs in"), first.toString());
        var second = new java.io.ByteArrayOutputStream();
        HierarchyEstimate b = PerModuleEstimate.of("TwoMuls", files(), Map.of(), fast, new PrintStream(second, true), cache);
        assertTrue(second.toString().contains("yosys cache hit Mul (key "), second.toString());
        assertTrue(second.toString().contains("spindle: 0 Yosys runs in 0.0 s, 2 from the cache"), second.toString());
        assertEquals(a.total().toJson(), b.total().toJson());
        assertEquals(a.total().cells(), b.total().cells());
        assertEquals(a.units().getFirst().own().lutram(), b.units().getFirst().own().lutram());
        assertTrue(b.toTable().contains("cached"), b.toTable());

        Map<String, String> changed = new java.util.HashMap<>(files());
        changed.put("TwoMuls.v", changed.get("TwoMuls.v").replace("endmodule", "// changed\nendmodule"));
        var third = new java.io.ByteArrayOutputStream();
        PerModuleEstimate.of("TwoMuls", changed, Map.of(), fast, new PrintStream(third, true), cache);
        assertTrue(third.toString().contains("yosys cache hit Mul") && third.toString().contains("spindle: 1 Yosys runs in")
                && third.toString().contains("1 from the cache"), third.toString());

        try (var entries = Files.list(cacheDir)) {
            for (var f : entries.toList()) Files.writeString(f, "{not json");
        }
        var fourth = new java.io.ByteArrayOutputStream();
        HierarchyEstimate d = PerModuleEstimate.of("TwoMuls", files(), Map.of(), fast, new PrintStream(fourth, true), cache);
        assertTrue(fourth.toString().contains("spindle: 2 Yosys runs in"), fourth.toString());
        assertEquals(a.total().toJson(), d.total().toJson());
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
