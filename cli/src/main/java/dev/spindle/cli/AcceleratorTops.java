package dev.spindle.cli;

import dev.spindle.design.ConfigParser;
import dev.spindle.design.Designs;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.util.List;

/**
 * The accelerator top that {@code spindle deploy <design>} builds: the design itself when its top already has the
 * XDMA user-side ports (the deploy flow checks them against the contract).
 */
final class AcceleratorTops {
    private AcceleratorTops() {}

    static VerilogOutput emit(String design, List<String> settings) {
        return VerilogBackend.emit(Designs.get(design).elaborate(ConfigParser.settings(settings)));
    }
}
