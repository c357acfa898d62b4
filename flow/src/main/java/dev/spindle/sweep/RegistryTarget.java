package dev.spindle.sweep;

import dev.spindle.design.Designs;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.sim.Sim;
import dev.spindle.sim.bench.Testbench;
import dev.spindle.sim.bench.Testbenches;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Designs from the design registry, simulated with their built-in testbenches. */
public final class RegistryTarget implements SweepTarget {
    @Override
    public VerilogOutput emit(String design, Map<String, String> settings) {
        return VerilogBackend.emit(Designs.get(design).elaborate(settings));
    }

    @Override
    public Measured simulate(String design, Map<String, String> settings, long seed) {
        Elaborated<? extends Component> elaborated = Designs.get(design).elaborate(settings);
        try (Sim<? extends Component> sim = Sim.of(elaborated)) {
            long start = System.nanoTime();
            Testbench.Result r = Testbenches.get(design).run(sim, new Random(seed), new Testbench.Options(100_000, 1000, null));
            double seconds = (System.nanoTime() - start) / 1e9;
            var m = new LinkedHashMap<String, Number>();
            m.put("cycles", r.cycles());
            m.put("checked", r.checked());
            m.put("mismatches", r.mismatches());
            m.put("cycles_per_s", Math.round(r.cycles() / seconds));
            return new Measured(m, Map.of());
        }
    }
}
