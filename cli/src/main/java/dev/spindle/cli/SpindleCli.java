package dev.spindle.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code spindle} command and its subcommands. */
@Command(name = "spindle", mixinStandardHelpOptions = true, version = "spindle 0.1.0",
        description = "A hardware design flow in plain Java for FPGA transformer accelerators.",
        subcommands = {GenerateCommand.class, NewCommand.class, SimCommand.class, EstimateCommand.class, RunCommand.class, EmulateCommand.class, CalibrateCommand.class, SweepCommand.class, DeployCommand.class, DemoCommand.class, CommandLine.HelpCommand.class})
public final class SpindleCli implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SpindleCli());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("spindle: error: " + ex.getMessage());
            if (Boolean.getBoolean("spindle.debug")) ex.printStackTrace(cmd.getErr());
            return 2;
        });
        return cl;
    }

    public static void main(String[] args) { System.exit(commandLine().execute(args)); }
}
