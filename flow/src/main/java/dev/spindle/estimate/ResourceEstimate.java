package dev.spindle.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What Yosys {@code synth_xilinx} makes of one design.
 *
 * @param lut     LUT sites, as Vivado's "CLB LUTs": LUT1..LUT6, LUT6_2 and INV as logic, plus {@code lutram}
 * @param ff      registers, as Vivado's "CLB Registers": every FD* flip-flop and LD* latch
 * @param dsp     DSP48 slices (DSP48E2 on UltraScale+, DSP48E1 on 7-series)
 * @param bram    block RAM in RAMB36 tiles: one per RAMB36, one half per RAMB18 (Vivado's "Block RAM Tile")
 * @param uram    URAM288 blocks (UltraScale+ only, and only for memories Yosys finds large enough)
 * @param carry   carry-chain cells as Yosys emits them: CARRY4 (4 bits each; 0.23 emits CARRY4 even on xcup) plus CARRY8
 * @param depth   LUT levels on the longest path between registers, RAMs, ports and blackboxes, from a separate
 *                generic 6-LUT mapping: a multiplier counts one level (a DSP), an adder its LUT levels
 *                (5 for 32 bits) as no carry chain is modelled; 0 when every path is a bare wire
 * @param lutram  the part of {@code lut} used as memory: distributed RAM and SRL shift registers
 * @param top     top module
 * @param family  Yosys {@code -family} (xcup, xc7, ...)
 * @param cells   every cell type Yosys left in the flattened netlist, with its count, sorted by name
 * @param seconds wall time of the estimate
 */
public record ResourceEstimate(
        int lut, int ff, int dsp, double bram, int uram, int carry, int depth,
        int lutram, String top, String family, Map<String, Integer> cells, double seconds) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ResourceEstimate {
        Objects.requireNonNull(top, "top");
        Objects.requireNonNull(family, "family");
        cells = Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    /** The {@code --json} form: exactly lut, ff, dsp, bram, uram, carry, depth, in that order, on one line. */
    public String toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("lut", lut);
        o.put("ff", ff);
        o.put("dsp", dsp);
        o.put("bram", bram);
        o.put("uram", uram);
        o.put("carry", carry);
        o.put("depth", depth);
        return o.toString();
    }

    /** A human table, numbers right-aligned, one resource a line. */
    public String toTable() {
        String[][] rows = {
            {"LUT", Integer.toString(lut), lutram == 0 ? "" : lutram + " as memory"},
            {"FF", Integer.toString(ff), ""},
            {"DSP", Integer.toString(dsp), ""},
            {"BRAM", bramText(), "RAMB36 tiles (a RAMB18 is 0.5)"},
            {"URAM", Integer.toString(uram), ""},
            {"CARRY", Integer.toString(carry), "carry cells"},
            {"depth", Integer.toString(depth), "LUT levels, longest path"},
        };
        int numberWidth = 0;
        for (String[] r : rows) numberWidth = Math.max(numberWidth, r[1].length());
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s on %s (%.1f s)%n", top, family, seconds));
        for (String[] r : rows) {
            String line = String.format(Locale.ROOT, "  %-6s %" + numberWidth + "s  %s", r[0], r[1], r[2]);
            sb.append(line.stripTrailing()).append(System.lineSeparator());
        }
        return sb.toString();
    }

    private String bramText() {
        return bram == Math.rint(bram) ? Long.toString((long) bram) : Double.toString(bram);
    }
}
