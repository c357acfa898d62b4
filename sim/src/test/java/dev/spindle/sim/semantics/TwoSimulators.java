package dev.spindle.sim.semantics;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.sim.Sim;
import dev.spindle.sim.icarus.IcarusRun;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one elaborated design in Verilator (through {@link Sim}, in-process) and in Icarus (a generated testbench)
 * on the same inputs: per cycle the data inputs in manifest order are set, outputs are sampled, then the clock
 * ticks. Both start after {@code Sim}'s reset.
 */
record TwoSimulators(List<Manifest.Port> inputs, List<Manifest.Port> outputs,
                     List<List<BigInteger>> verilator, List<List<BigInteger>> icarus) {

    static TwoSimulators run(Elaborated<? extends Component> design, List<List<BigInteger>> inputs, Path dir) {
        try (Sim<? extends Component> sim = Sim.of(design)) {
            Manifest m = sim.verilog().manifest();
            Set<String> clocking = new java.util.HashSet<>();
            for (Manifest.ClockDomainInfo d : m.clockDomains()) {
                clocking.add(d.clock());
                if (d.reset() != null) clocking.add(d.reset());
                if (d.enable() != null) clocking.add(d.enable());
            }
            List<Manifest.Port> ins = m.ports().stream().filter(p -> p.direction().equals("in") && !clocking.contains(p.name())).toList();
            List<Manifest.Port> outs = m.ports().stream().filter(p -> p.direction().equals("out")).toList();
            List<List<BigInteger>> verilator = new ArrayList<>();
            for (List<BigInteger> cycle : inputs) {
                for (int i = 0; i < ins.size(); i++) sim.in(ins.get(i).name()).setBig(cycle.get(i));
                sim.eval();
                List<BigInteger> sample = new ArrayList<>();
                for (Manifest.Port p : outs) sample.add(sim.out(p.name()).big());
                verilator.add(sample);
                sim.cycle();
            }
            List<List<BigInteger>> icarus = IcarusRun.run(sim.verilog(), inputs, dir);
            return new TwoSimulators(ins, outs, verilator, icarus);
        }
    }

    /** The output called {@code name} at {@code cycle}, from Verilator or Icarus. */
    BigInteger value(List<List<BigInteger>> run, int cycle, String name) {
        for (int i = 0; i < outputs.size(); i++) if (outputs.get(i).name().equals(name)) return run.get(cycle).get(i);
        throw new IllegalArgumentException("no output " + name + " in " + outputs);
    }
}
