package dev.spindle.cli;

import dev.spindle.deploy.Board;
import dev.spindle.deploy.DeployOptions;
import dev.spindle.deploy.Deployer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spindle deploy <design> --board vcu118|kcu105|u250|u50 [--set key=value]... [--arch FILE.json] [-o DIR]
 * [--dry-run] [--program] [--rescan --pci BDF] [--allow-negative-slack]}: writes the Vivado build directory of the
 * design's accelerator top, checks it here, and builds it when Vivado is on PATH (exit 3 with the command to run
 * when it is not).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Build directory, checks and Vivado build of a design for a Xilinx PCIe board (XDMA IP). Untested on hardware.")
final class DeployCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<design>", description = "design name (spindle generate --list)")
    String design;

    @Option(names = "--board", required = true, paramLabel = "vcu118|kcu105|u250|u50", description = "target board")
    String board;

    @Option(names = "--set", paramLabel = "key=value", description = "configuration setting (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = "--arch", paramLabel = "FILE.json", description = "architecture file (the transformer)")
    Path arch;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "build directory (default: deploy-<design>-<board>)")
    Path output;

    @Option(names = "--dry-run", description = "write the build directory and run the checks only; exit 0 when all pass")
    boolean dryRun;

    @Option(names = "--program", description = "after the build, load the bitstream over JTAG")
    boolean program;

    @Option(names = "--rescan", description = "after programming, hot-reset and rescan the card at --pci (root)")
    boolean rescan;

    @Option(names = "--pci", paramLabel = "BDF", description = "the card's PCIe address for --rescan (lspci -D)")
    String pci;

    @Option(names = "--allow-negative-slack", description = "write the bitstream even if timing fails")
    boolean allowNegativeSlack;

    @Option(names = "--ceiling", paramLabel = "FRACTION", defaultValue = "0.8", // FitCheck.DEFAULT_CEILING
            description = "utilisation ceiling of the fit check (default: 0.8)")
    double ceiling;

    @Override
    public Integer call() {
        if (rescan && pci == null) throw new IllegalArgumentException("--rescan needs --pci BDF (the card's address, lspci -D)");
        if (pci != null && !rescan) throw new IllegalArgumentException("--pci is only used with --rescan");
        Board b = Board.named(board);
        List<String> all = new ArrayList<>(settings);
        if (arch != null) all.add("arch=" + arch);
        var accelerator = AcceleratorTops.emit(design, all, b);
        Path out = output != null ? output : Path.of("deploy-" + design + "-" + b.name());
        var options = new DeployOptions(b, out, ceiling, dryRun, program, rescan ? pci : null, allowNegativeSlack);
        var result = new Deployer(System.out).deploy(accelerator, options);
        return result.outcome().exitCode();
    }
}
