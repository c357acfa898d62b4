package dev.spindle.sim.icarus;

import dev.spindle.hdl.verilog.Manifest;

import java.util.List;

/** The Verilog-2005 testbench {@link IcarusRun} generates: single-domain designs, reset for one cycle. */
final class TestbenchVerilog {
    private TestbenchVerilog() {}

    static String source(Manifest m, List<Manifest.Port> ins, List<Manifest.Port> outs, int cycles) {
        if (m.clockDomains().size() > 1) throw new IllegalArgumentException("the Icarus cross-check supports one clock domain");
        Manifest.ClockDomainInfo d = m.clockDomains().isEmpty() ? null : m.clockDomains().getFirst();
        int maxWidth = 1;
        for (Manifest.Port p : ins) maxWidth = Math.max(maxWidth, p.width());
        StringBuilder sb = new StringBuilder("`timescale 1ns/1ns\nmodule spindle_tb;\n");
        for (Manifest.Port p : m.ports()) {
            sb.append(p.direction().equals("in") ? "  reg  " : "  wire ").append(range(p.width())).append(p.name()).append(";\n");
        }
        sb.append("  reg [").append(maxWidth - 1).append(":0] vectors [0:").append(Math.max(0, cycles * ins.size() - 1)).append("];\n");
        sb.append("  integer cycle, out;\n");
        sb.append("  ").append(m.top()).append(" dut (\n");
        for (int i = 0; i < m.ports().size(); i++) {
            String n = m.ports().get(i).name();
            sb.append("    .").append(n).append('(').append(n).append(')').append(i < m.ports().size() - 1 ? "," : "").append('\n');
        }
        sb.append("  );\n  initial begin\n");
        if (!ins.isEmpty()) sb.append("    $readmemh(\"inputs.hex\", vectors);\n");
        sb.append("    out = $fopen(\"outputs.txt\", \"w\");\n");
        for (Manifest.Port p : ins) sb.append("    ").append(p.name()).append(" = 0;\n");
        if (d != null) {
            String active = "LOW".equals(d.resetActive()) ? "0" : "1";
            String inactive = "LOW".equals(d.resetActive()) ? "1" : "0";
            sb.append("    ").append(d.clock()).append(" = 0;\n");
            if (d.enable() != null) sb.append("    ").append(d.enable()).append(" = 1;\n");
            if (d.reset() != null) sb.append("    ").append(d.reset()).append(" = ").append(active).append(";\n");
            sb.append("    #5 ").append(d.clock()).append(" = 1;\n    #5 ").append(d.clock()).append(" = 0;\n");
            if (d.reset() != null) sb.append("    ").append(d.reset()).append(" = ").append(inactive).append(";\n");
        }
        sb.append("    for (cycle = 0; cycle < ").append(cycles).append("; cycle = cycle + 1) begin\n");
        for (int i = 0; i < ins.size(); i++) {
            Manifest.Port p = ins.get(i);
            sb.append("      ").append(p.name()).append(" = vectors[cycle * ").append(ins.size()).append(" + ").append(i).append("]")
                    .append(p.width() < maxWidth ? "[" + (p.width() - 1) + ":0]" : "").append(";\n");
        }
        sb.append("      #1;\n      $fdisplay(out");
        for (Manifest.Port p : outs) sb.append(", \"%h \", ").append(p.name());
        sb.append(");\n");
        if (d != null) sb.append("      #4 ").append(d.clock()).append(" = 1;\n      #5 ").append(d.clock()).append(" = 0;\n");
        else sb.append("      #9;\n");
        sb.append("    end\n    $fclose(out);\n    $finish;\n  end\nendmodule\n");
        return sb.toString();
    }

    private static String range(int w) { return w == 1 ? "" : "[" + (w - 1) + ":0] "; }
}
