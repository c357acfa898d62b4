package dev.spindle.deploy;

import dev.spindle.flow.Executables;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deploys an accelerator top to a board: writes the build directory, runs the dry-run checks, then, when Vivado
 * is on PATH and this is no dry run, builds the bitstream and optionally programs the board and rescans PCIe.
 * Without Vivado it stops after the checks and says the one command to run on a machine that has it.
 */
public final class Deployer {
    /** How a deployment ended; {@link #exitCode()} is what {@code spindle deploy} exits with. */
    public enum Outcome {
        CHECKED(0), BUILT(0), NEEDS_VIVADO(3);

        private final int exitCode;

        Outcome(int exitCode) { this.exitCode = exitCode; }

        public int exitCode() { return exitCode; }
    }

    /** What was written and checked, and the command that builds it. */
    public record Result(Outcome outcome, Path dir, FitCheck.Report fit, String buildCommand) {}

    private final PrintStream out;

    /** Progress and check lines go to {@code out}. */
    public Deployer(PrintStream out) { this.out = out; }

    public Result deploy(VerilogOutput accelerator, DeployOptions o) {
        Board board = o.board();
        AcceleratorPorts.Checked ports = AcceleratorPorts.check(accelerator.manifest(), "manifest of " + accelerator.top());
        Path dir = o.out().toAbsolutePath().normalize();
        BuildDirectory.Layout layout = BuildDirectory.write(dir, board, accelerator, ports);
        out.println("deploy: wrote " + dir + " (" + accelerator.top() + " in " + XdmaTop.MODULE + " for " + board.title() + ", "
                + board.part() + ", Gen3 x" + board.lanes() + ", " + board.dataWidth() + "-bit XDMA)");
        FitCheck.Report fit = DryRun.run(layout, board, o.ceiling(), out);
        String command = dir.resolve(BuildDirectory.BUILD_SH) + (o.allowNegativeSlack() ? " --allow-negative-slack" : "");
        if (o.dryRun()) {
            out.println("deploy: dry run passed; build with: " + command);
            return new Result(Outcome.CHECKED, dir, fit, command);
        }
        if (!onPath("vivado")) {
            out.println("deploy: checks passed; vivado is not on PATH. On a machine with Vivado " + XdmaIp.VIVADO_VERSION
                    + " (copy " + dir + " there if needed), run:");
            out.println("  " + command);
            return new Result(Outcome.NEEDS_VIVADO, dir, fit, command);
        }
        List<String> build = new ArrayList<>(List.of("bash", dir.resolve(BuildDirectory.BUILD_SH).toString()));
        if (o.allowNegativeSlack()) build.add("--allow-negative-slack");
        run(dir, build, "the Vivado build");
        if (o.pci() != null) run(dir, List.of("bash", dir.resolve("pcie-rescan").toString(), "prepare", o.pci()), "pcie-rescan prepare");
        if (o.program()) run(dir, List.of("bash", dir.resolve("fpga-program").toString(), dir.toString()), "fpga-program");
        if (o.pci() != null) {
            run(dir, List.of("bash", dir.resolve("pcie-rescan").toString(), "rescan", o.pci(), "--build", dir.toString()), "pcie-rescan rescan");
        }
        return new Result(Outcome.BUILT, dir, fit, command);
    }

    private void run(Path dir, List<String> command, String what) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            try (InputStream in = p.getInputStream()) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) > 0; ) {
                    out.print(new String(buf, 0, n, StandardCharsets.UTF_8));
                    out.flush();
                }
            }
            int exit = p.waitFor();
            if (exit != 0) throw new DeployException(what + " failed (exit " + exit + "): " + String.join(" ", command));
        } catch (IOException e) {
            throw new DeployException("cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted during " + what, e);
        }
    }

    static boolean onPath(String tool) {
        return Executables.find(tool).isPresent();
    }
}
