package dev.spindle.cli;

import dev.spindle.deploy.Board;
import dev.spindle.design.ConfigParser;
import dev.spindle.design.Designs;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.nn.top.Accelerators;

import java.util.List;
import java.util.Map;

/**
 * The accelerator top that {@code spindle deploy <design>} builds: a unit the accelerator top wraps (softmax, dot)
 * goes into it, at the board's XDMA data width unless {@code --set dataWidth=} says otherwise; any other design is
 * taken as it is, and the deploy flow checks its ports against the contract.
 */
final class AcceleratorTops {
    private AcceleratorTops() {}

    static VerilogOutput emit(String design, List<String> settingList, Board board) {
        Map<String, String> settings = ConfigParser.settings(settingList);
        if (Accelerators.UNITS.contains(design) || design.equals("accelerator")) {
            settings.putIfAbsent("dataWidth", Integer.toString(board.dataWidth()));
        }
        if (Accelerators.UNITS.contains(design)) return Accelerators.generate(Accelerators.config(design, settings));
        return VerilogBackend.emit(Designs.get(design).elaborate(settings));
    }
}
