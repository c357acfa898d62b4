package dev.spindle.sweep;

import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.sim.bench.Measures;
import dev.spindle.sim.bench.Testbench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Designs from the design registry, simulated with the testbench attached to their entry; the {@code transformer}
 * (a network from its description) as {@link TransformerTarget} measures it.
 */
public final class RegistryTarget implements SweepTarget {
    /** How long each point's testbench runs: what {@code spindle sim} runs by default. */
    static final Testbench.Options OPTIONS = new Testbench.Options(100_000, 1000, null);

    @Override
    public VerilogOutput emit(String design, Map<String, String> settings) {
        if (TransformerTarget.DESIGN.equals(design)) return TransformerTarget.emit(settings);
        return VerilogBackend.emit(Designs.get(design).elaborate(settings));
    }

    @Override
    public Measured simulate(String design, Map<String, String> settings, long seed) {
        if (TransformerTarget.DESIGN.equals(design)) return TransformerTarget.simulate(settings, seed);
        return simulate(Designs.get(design), settings, seed);
    }

    @Override
    public dev.spindle.estimate.ResourceEstimate estimate(String design, VerilogOutput verilog) {
        return TransformerTarget.DESIGN.equals(design) ? TransformerTarget.estimate(verilog) : SweepTarget.super.estimate(design, verilog);
    }

    @Override
    public String dataKey(String design, Map<String, String> settings) {
        return TransformerTarget.DESIGN.equals(design) ? TransformerTarget.dataKey(settings) : "";
    }

    private static <C extends Record, T extends ConfiguredComponent<C>> Measured simulate(
            Design<C, T> design, Map<String, String> settings, long seed) {
        Measures r = Testbench.simulate(design, design.config(settings), new Random(seed), OPTIONS, null);
        var m = new LinkedHashMap<String, Number>();
        var units = new LinkedHashMap<String, String>();
        r.latency().ifPresent(l -> {
            m.put("latency", l.max());
            m.put("latency_min", l.min());
        });
        m.put("throughput", r.throughput());
        r.error().ifPresent(e -> {
            m.put("error", e.maxLsb());
            m.put("error_bound", e.boundLsb());
            units.put("error", "LSB");
            units.put("error_bound", "LSB");
        });
        m.put("mismatches", r.mismatches());
        m.put("checked", r.checked());
        m.put("cycles", r.cycles());
        m.put("cycles_per_s", Math.round(r.cyclesPerSecond()));
        return new Measured(m, units);
    }
}
