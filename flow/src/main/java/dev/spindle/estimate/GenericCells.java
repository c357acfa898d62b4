package dev.spindle.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fast estimate's resource figures, read from the generic 6-LUT netlist of the depth flow instead of a
 * {@code synth_xilinx} run ({@link YosysScripts#fast()}): LUTs are its {@code $lut} cells (ABC without carry
 * chains, so an adder costs more LUTs than with CARRY8), flip-flops its single-bit flip-flop cells, and the
 * multipliers and memories, which that flow keeps whole, become DSP48E2s, block RAM and LUT RAM by the rules
 * below (UltraScale+ primitives; the same on every family).
 */
final class GenericCells {
    private static final Pattern CELL = Pattern.compile("(?m)^\\s*cell (\\$mul|\\$mem_v2) (\\S+)\\n((?:\\s*parameter [^\\n]*\\n)*)");
    private static final Pattern PARAM = Pattern.compile("parameter \\\\([A-Z_]+) (\\S+)");

    /** A multiplier or memory cell of the dump, with its integer and bit-string parameters. */
    record Cell(String type, Map<String, String> params) {
        int integer(String name) {
            String v = params.get(name);
            if (v == null) throw new EstimateException("Yosys dump of " + type + " has no parameter " + name);
            return Integer.parseInt(v);
        }

        /** A bit-string parameter such as {@code 2'11}: true when every bit is 1. */
        boolean allOnes(String name) {
            String v = params.getOrDefault(name, "0");
            String bits = v.contains("'") ? v.substring(v.indexOf('\'') + 1) : v;
            return !bits.isEmpty() && bits.chars().allMatch(ch -> ch == '1');
        }
    }

    private GenericCells() {}

    /** The {@code $mul} and {@code $mem_v2} cells of a Yosys {@code dump}. */
    static List<Cell> parse(String dump) {
        List<Cell> cells = new ArrayList<>();
        Matcher m = CELL.matcher(dump);
        while (m.find()) {
            Map<String, String> params = new java.util.HashMap<>();
            Matcher p = PARAM.matcher(m.group(3));
            while (p.find()) params.put(p.group(1), p.group(2));
            cells.add(new Cell(m.group(1), params));
        }
        return cells;
    }

    /**
     * DSP48E2s of one product, as Yosys' {@code mul2dsp} splits it: operands extended by a sign bit when unsigned,
     * the wider on the 27-bit port; one slice up to 27 × 18, else ceil((a-1)/26)·ceil((b-1)/17); none for a product
     * narrower than 2 bits on a side or 9 bits out (left to LUTs).
     */
    static int dsps(Cell mul) {
        int extra = mul.integer("A_SIGNED") == 0 ? 1 : 0;
        int a = mul.integer("A_WIDTH") + extra;
        int b = mul.integer("B_WIDTH") + extra;
        if (b > a) { int t = a; a = b; b = t; }
        if (b - extra < 2 || mul.integer("Y_WIDTH") < 9) return 0;
        if (a <= 27 && b <= 18) return 1;
        return ceilDiv(a - 1, 26) * ceilDiv(b - 1, 17);
    }

    /** RAMB18 halves of a memory with every read port clocked and over 64 words and 4 Kb, else 0 (LUT RAM). */
    static int bramHalves(Cell mem) {
        int size = mem.integer("SIZE");
        int width = mem.integer("WIDTH");
        if (!blockRam(mem)) return 0;
        int perRamb18 = size <= 512 ? 36 : size <= 1024 ? 18 : size <= 2048 ? 9 : size <= 4096 ? 4 : size <= 8192 ? 2 : 1;
        int deep = ceilDiv(size, 16384);
        return deep * ceilDiv(width, perRamb18) * Math.max(1, ceilDiv(mem.integer("RD_PORTS"), 2));
    }

    /** LUTs of a memory left in LUT RAM: one RAM64X1 per bit and 64 words, per read port. */
    static int lutRam(Cell mem) {
        if (blockRam(mem)) return 0;
        return ceilDiv(mem.integer("SIZE"), 64) * mem.integer("WIDTH") * Math.max(1, mem.integer("RD_PORTS"));
    }

    private static boolean blockRam(Cell mem) {
        long bits = (long) mem.integer("SIZE") * mem.integer("WIDTH");
        return mem.allOnes("RD_CLK_ENABLE") && mem.integer("SIZE") > 64 && bits >= 4096;
    }

    /** LUTs: {@code $lut} cells; flip-flops: Yosys' single-bit flip-flop and latch cells. */
    static int luts(Map<String, Integer> generic) {
        return generic.getOrDefault("$lut", 0);
    }

    static int ffs(Map<String, Integer> generic) {
        int n = 0;
        for (var e : generic.entrySet()) {
            String t = e.getKey();
            if (t.matches("\\$_(S?DFF|DFFE|SDFFE|SDFFCE|ALDFF|ALDFFE|DFFSR|DFFSRE|DLATCH|SR)_.*")) n += e.getValue();
        }
        return n;
    }

    private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
