package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Domain;

import java.util.List;

/**
 * The elaboration checks, run on a finished design in this order: clock routing, hierarchy, drivers
 * (undriven, multiple), latches, combinational loops, clock-domain crossings. Each throws an
 * {@link dev.spindle.hdl.ir.HdlError} naming the signal and the user's Java line.
 */
public final class DesignChecks {
    private DesignChecks() {}

    public static void run(ComponentNode top, List<Domain> domains) {
        ClockRouting.route(top);
        Netlist netlist = new Netlist(top);
        HierarchyCheck.run(netlist);
        DriverCheck.run(netlist);
        LatchCheck.run(netlist);
        LoopCheck.run(netlist);
        ClockCrossingCheck.run(netlist, domains);
    }
}
