package dev.spindle.estimate;

import java.util.Map;
import java.util.function.Predicate;

/** Turns the Xilinx primitive counts of a {@code synth_xilinx} netlist into the resource numbers Vivado reports. */
final class XilinxCells {
    private XilinxCells() {}

    /** LUT sites each distributed-RAM or shift-register primitive occupies (UG574, UG474). */
    private static final Map<String, Integer> LUTS_AS_MEMORY = Map.ofEntries(
            Map.entry("RAM32X1S", 1), Map.entry("RAM32X1D", 2), Map.entry("RAM32M", 4), Map.entry("RAM32M16", 8),
            Map.entry("RAM64X1S", 1), Map.entry("RAM64X1D", 2), Map.entry("RAM64M", 4), Map.entry("RAM64M8", 8),
            Map.entry("RAM128X1S", 2), Map.entry("RAM128X1D", 4), Map.entry("RAM256X1S", 4),
            Map.entry("RAM256X1D", 8), Map.entry("RAM512X1S", 8), Map.entry("RAM32X16DR8", 8),
            Map.entry("RAM64X8SW", 8), Map.entry("SRL16E", 1), Map.entry("SRLC16E", 1), Map.entry("SRLC32E", 1));

    static int lutLogic(Map<String, Integer> cells) {
        // INV has no site of its own: Vivado maps it to a LUT1.
        return sum(cells, t -> t.matches("LUT[1-6]") || t.equals("LUT6_2") || t.equals("INV"), 1);
    }

    static int lutMemory(Map<String, Integer> cells) {
        int luts = 0;
        for (var e : cells.entrySet()) {
            String t = e.getKey();
            boolean distributed = t.startsWith("RAM") && !t.startsWith("RAMB") || t.startsWith("SRL");
            // An unknown distributed primitive counts as one LUT rather than vanishing.
            if (distributed) luts += e.getValue() * LUTS_AS_MEMORY.getOrDefault(t, 1);
        }
        return luts;
    }

    static int ff(Map<String, Integer> cells) {
        return sum(cells, t -> t.startsWith("FD") || t.matches("LD[CP]E(_1)?"), 1);
    }

    static int dsp(Map<String, Integer> cells) {
        return sum(cells, t -> t.startsWith("DSP48"), 1);
    }

    /** In RAMB36 tiles; RAMB18 halves are summed in integers first so the result is exact. */
    static double bram(Map<String, Integer> cells) {
        int halves = sum(cells, t -> t.startsWith("RAMB36") || t.startsWith("FIFO36"), 2)
                + sum(cells, t -> t.startsWith("RAMB18") || t.startsWith("FIFO18"), 1);
        return halves / 2.0;
    }

    static int uram(Map<String, Integer> cells) {
        return sum(cells, t -> t.startsWith("URAM288"), 1);
    }

    static int carry(Map<String, Integer> cells) {
        return sum(cells, t -> t.equals("CARRY4") || t.equals("CARRY8"), 1);
    }

    private static int sum(Map<String, Integer> cells, Predicate<String> type, int weight) {
        int n = 0;
        for (var e : cells.entrySet()) if (type.test(e.getKey())) n += e.getValue() * weight;
        return n;
    }
}
