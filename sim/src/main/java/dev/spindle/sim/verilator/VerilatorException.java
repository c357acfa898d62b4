package dev.spindle.sim.verilator;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Verilator rejected the design. The message names each Verilog file:line with the text of that line
 * (and so the {@code // File.java:N} comment the emitter wrote there); {@link #diagnostics()} gives the
 * same as data for a caller that maps Verilog lines back to Java.
 */
public final class VerilatorException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_LOG = 8_000;

    private final transient List<VerilogDiagnostic> diagnostics;
    private final String log;

    VerilatorException(String top, List<VerilogDiagnostic> diagnostics, String log) {
        super(message(top, diagnostics, log));
        this.diagnostics = List.copyOf(diagnostics);
        this.log = log;
    }

    /** The located messages, errors and warnings, in Verilator's order. */
    public List<VerilogDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** Verilator's complete output. */
    public String log() {
        return log;
    }

    private static String message(String top, List<VerilogDiagnostic> diagnostics, String log) {
        String shown = log.length() > MAX_LOG ? log.substring(0, MAX_LOG) + "\n[... output truncated]" : log;
        if (diagnostics.isEmpty()) return "verilator failed on " + top + ":\n" + shown.strip();
        return "verilator failed on " + top + ":\n"
                + diagnostics.stream().map(VerilogDiagnostic::describe).collect(Collectors.joining("\n"))
                + "\n--- verilator output ---\n" + shown.strip();
    }
}
