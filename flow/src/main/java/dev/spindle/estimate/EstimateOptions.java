package dev.spindle.estimate;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How to estimate.
 *
 * @param family     Yosys {@code synth_xilinx -family}: xcup (UltraScale+, the default), xcu, xc7, xc6v, xc6s...
 * @param uram       let Yosys put large memories into URAM288 ({@code -uram}); used on xcup only
 * @param blackboxes Verilog stubs read with {@code read_verilog -lib}: vendor IP (the XDMA core) whose
 *                   ports are known but whose insides are not counted
 * @param fast       one Yosys run, the generic depth flow, whose netlist also gives the resources ({@link GenericCells}:
 *                   LUTs without carry chains, DSPs and RAMs by rule) instead of {@code synth_xilinx}
 */
public record EstimateOptions(String family, boolean uram, List<Path> blackboxes, boolean fast) {
    /** The families {@code synth_xilinx} of Yosys 0.23 accepts. */
    public static final Set<String> FAMILIES = Set.of(
            "xcup", "xcu", "xc7", "xc6s", "xc6v", "xc5v", "xc4v", "xc3sda", "xc3sa", "xc3se", "xc3s",
            "xc2vp", "xc2v", "xcve", "xcv");

    public EstimateOptions {
        Objects.requireNonNull(family, "family");
        if (!FAMILIES.contains(family)) {
            throw new IllegalArgumentException("family = " + family + " is not a synth_xilinx family: allowed "
                    + String.join(", ", FAMILIES.stream().sorted().toList()));
        }
        blackboxes = List.copyOf(blackboxes);
    }

    /** The full flow ({@code synth_xilinx}). */
    public EstimateOptions(String family, boolean uram, List<Path> blackboxes) {
        this(family, uram, blackboxes, false);
    }

    /** UltraScale+, URAM allowed, no blackboxes. */
    public static EstimateOptions defaults() {
        return new EstimateOptions("xcup", true, List.of());
    }

    public EstimateOptions withFamily(String family) {
        return new EstimateOptions(family, uram, blackboxes, fast);
    }

    public EstimateOptions withFast(boolean fast) {
        return new EstimateOptions(family, uram, blackboxes, fast);
    }

    public EstimateOptions withUram(boolean uram) {
        return new EstimateOptions(family, uram, blackboxes, fast);
    }

    public EstimateOptions withBlackboxes(List<Path> blackboxes) {
        return new EstimateOptions(family, uram, blackboxes, fast);
    }
}
