package dev.spindle.bench.sim;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.sim.Sim;

/** The reset that {@link Sim} applies when it opens a design, as C++ statements over {@code top}. */
final class CppReset {
    private CppReset() {}

    /**
     * Reset active, eval, one clock period, reset released, eval: what {@code Sim.of} does with one clock domain.
     * Statements over {@code top} for a {@code NativeBenchmark.Loop}'s set-up.
     */
    static String sequence(Sim<?> sim) {
        var domains = sim.verilog().manifest().clockDomains();
        if (domains.size() != 1) throw new IllegalArgumentException("one clock domain expected, got " + domains.size());
        Manifest.ClockDomainInfo d = domains.getFirst();
        String clk = "top." + d.clock();
        var s = new StringBuilder();
        String active = "LOW".equals(d.resetActive()) ? "0" : "1";
        String inactive = "LOW".equals(d.resetActive()) ? "1" : "0";
        if (d.enable() != null) s.append("    top.").append(d.enable()).append(" = 1;\n");
        if (d.reset() != null) s.append("    top.").append(d.reset()).append(" = ").append(active).append(";\n");
        s.append("    top.eval();\n");
        s.append("    ").append(clk).append(" = 1; top.eval();\n");
        s.append("    ").append(clk).append(" = 0; top.eval();\n");
        if (d.reset() != null) s.append("    top.").append(d.reset()).append(" = ").append(inactive).append(";\n");
        s.append("    top.eval();\n");
        return s.toString();
    }
}
