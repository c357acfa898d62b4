package dev.spindle.estimate;

import java.nio.file.Path;
import java.util.List;

/**
 * The Yosys scripts of an estimate, kept in one place. Each writes its result, relative to the working
 * directory, into {@link #STAT_JSON} or {@link #LTP_TXT}.
 *
 * <p>Depth is not measured on the {@code synth_xilinx} netlist: {@code ltp} there walks through FDRE cells
 * (it knows only Yosys' own flip-flop types) and counts every CARRY4 and MUXF7/F8 as a level. Instead a
 * generic flow maps the logic to 6-LUTs with ABC and {@code ltp -noff} counts LUT levels between
 * registers. Memories and multipliers stay whole there, because on the device they are RAM and DSP
 * blocks: a memory cuts a path like a register (an asynchronous read, too, counts no level), a multiplier
 * counts one level, and a blackbox instance is left out of the walk so its outputs start paths and its
 * inputs end them. Adders are mapped to LUTs (a 32-bit add is 5 levels), which overstates a carry chain.
 */
final class YosysScripts {
    static final String STAT_JSON = "stat.json";
    static final String LTP_TXT = "ltp.txt";
    static final String GENERIC_JSON = "generic.json";
    static final String CELLS_TXT = "cells.txt";

    private YosysScripts() {}

    /** Reads the design and its blackbox stubs and checks the hierarchy under {@code top}. */
    static String read(List<Path> verilog, List<Path> blackboxes, String top) {
        StringBuilder s = new StringBuilder();
        for (Path bb : blackboxes) s.append("read_verilog -lib ").append(quote(bb)).append('\n');
        for (Path v : verilog) s.append("read_verilog ").append(quote(v)).append('\n');
        s.append("hierarchy -check -top ").append(top).append('\n');
        return s.toString();
    }

    /** Out of context: no I/O pads or clock buffers, which the real top (the XDMA shell) provides. */
    static String synthXilinx(String top, EstimateOptions options) {
        boolean uram = options.uram() && options.family().equals("xcup");
        return "synth_xilinx -family " + options.family() + " -top " + top + " -flatten -noiopad -noclkbuf"
                + (uram ? " -uram" : "") + "\n"
                + "tee -q -o " + STAT_JSON + " stat -json\n";
    }

    /**
     * The coarse part of Yosys' generic {@code synth} without its {@code -lut} comparator mapping and the
     * SAT-based {@code share}, which took 3/4 of its time on a 6,000-LUT design and changed no depth.
     * {@code opt} folds enables and synchronous resets into the flip-flops, as on the device.
     */
    static String depth() {
        return generic("") + "tee -q -o " + LTP_TXT + " ltp -noff w:* t:$*\n";
    }

    /**
     * The depth flow that also writes its multipliers and memories ({@link #CELLS_TXT}, before ABC) and the cell
     * counts of its 6-LUT netlist ({@link #GENERIC_JSON}): the fast estimate, one run in place of two.
     */
    static String fast() {
        return generic("tee -q -o " + CELLS_TXT + " dump t:$mul t:$mem_v2\n")
                + "tee -q -o " + LTP_TXT + " ltp -noff w:* t:$*\n"
                + "tee -q -o " + GENERIC_JSON + " stat -json\n";
    }

    private static String generic(String beforeAbc) {
        return "proc\n"
                + "flatten\n"
                + "opt_expr\n"
                + "opt_clean\n"
                + "opt\n"
                + "wreduce\n"
                + "peepopt\n"
                + "opt_clean\n"
                + "memory -nomap\n"
                + "opt -fast -full\n"
                + beforeAbc
                + "techmap t:$mul %n\n"
                + "abc -fast -lut 6\n";
    }

    /** Yosys splits commands at blanks, ';' and '#' unless quoted, and has no escape for a quote. */
    private static String quote(Path p) {
        String s = p.toAbsolutePath().toString();
        if (s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("path " + s + ": Yosys cannot read a file whose name holds a quote or a line break");
        }
        return '"' + s + '"';
    }
}
