package dev.spindle.deploy;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to deploy (the options of {@code spindle deploy}).
 *
 * @param board              the board
 * @param out                the build directory to write
 * @param ceiling            utilisation ceiling of the fit check, a fraction of the part's capacity (default 0.8)
 * @param dryRun             stop after the checks, whether or not Vivado is on PATH
 * @param program            after the build, load the bitstream over JTAG
 * @param pci                after programming, rescan this PCIe address (BDF); null for no rescan
 * @param allowNegativeSlack write the bitstream even if setup or hold slack is negative
 */
public record DeployOptions(Board board, Path out, double ceiling, boolean dryRun, boolean program, String pci,
                            boolean allowNegativeSlack) {
    public DeployOptions {
        Objects.requireNonNull(board, "board");
        Objects.requireNonNull(out, "out");
        if (!(ceiling > 0 && ceiling <= 1)) throw new IllegalArgumentException("ceiling = " + ceiling + ": allowed (0, 1]");
        if (pci != null && !pci.matches("([0-9a-fA-F]{4}:)?[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\\.[0-7]")) {
            throw new IllegalArgumentException("--pci " + pci + " is not a PCI address like 0000:65:00.0 or 65:00.0 (lspci -D lists them)");
        }
    }

    /** A dry run into {@code out} with the default ceiling. */
    public static DeployOptions dryRun(Board board, Path out) {
        return new DeployOptions(board, out, FitCheck.DEFAULT_CEILING, true, false, null, false);
    }
}
