package dev.spindle.sim.icarus;

import dev.spindle.hdl.verilog.Manifest;

import java.util.HashSet;
import java.util.Set;

/** The clock, reset and enable ports of a manifest: driven by the testbench itself, not by input vectors. */
final class ClockPorts {
    private ClockPorts() {}

    static Set<String> of(Manifest m) {
        Set<String> s = new HashSet<>();
        for (Manifest.ClockDomainInfo d : m.clockDomains()) {
            s.add(d.clock());
            if (d.reset() != null) s.add(d.reset());
            if (d.enable() != null) s.add(d.enable());
        }
        return s;
    }
}
