package dev.spindle.sim.verilator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One located message from Verilator, with the text of the Verilog line it names.
 *
 * <p>The emitter ends Verilog lines with {@code // Counter.java:42}; {@link #javaLocation()} reads that
 * back, so the caller can point at the Java line that produced the faulty Verilog.
 *
 * @param severity {@code Error} or {@code Warning-<CODE>}, as Verilator prints it
 * @param file the Verilog file, absolute
 * @param line 1-based line
 * @param column 1-based column, 0 when Verilator gives none
 * @param message Verilator's message
 * @param lineText the full text of that line (Verilator's own echo strips comments), empty if unreadable
 */
public record VerilogDiagnostic(String severity, Path file, int line, int column, String message,
                                String lineText) {

    private static final Pattern LOCATED =
            Pattern.compile("^%(Error|Warning)(-[A-Za-z0-9_]+)?: ([^:\\s]+):(\\d+):(?:(\\d+):)? (.*)$");
    private static final Pattern JAVA_COMMENT = Pattern.compile("//\\s*([\\w$.]+\\.java:\\d+)");

    /** The {@code File.java:line} from a trailing emitter comment on the named line, if any. */
    public Optional<String> javaLocation() {
        Matcher m = JAVA_COMMENT.matcher(lineText);
        String last = null;
        while (m.find()) last = m.group(1);
        return Optional.ofNullable(last);
    }

    /** True for a parse error, which Verilator reports at the token after the mistake. */
    public boolean syntaxError() {
        return message.startsWith("syntax error");
    }

    /** {@code Bad.v:4:3: Error: syntax error…} followed by the Verilog line(s). */
    public String describe() {
        var text = new StringBuilder()
                .append(file.getFileName()).append(':').append(line).append(column > 0 ? ":" + column : "")
                .append(": ").append(severity).append(": ").append(message);
        // A parse error is found at the next token, often on the following line: show the one before too.
        if (syntaxError() && line > 1) {
            readLine(file, line - 1).ifPresent(t -> text.append("\n  ").append(gutter(line - 1)).append(t));
        }
        text.append("\n  ").append(gutter(line)).append(lineText);
        javaLocation().ifPresent(j -> text.append("\n  (from ").append(j).append(')'));
        return text.toString();
    }

    private String gutter(int n) {
        return file.getFileName() + ":" + n + " | ";
    }

    /** Parses Verilator's output; relative file names are resolved against {@code dir}. */
    static List<VerilogDiagnostic> parse(String output, Path dir) {
        var found = new ArrayList<VerilogDiagnostic>();
        for (String raw : output.lines().toList()) {
            Matcher m = LOCATED.matcher(raw.strip());
            if (!m.matches()) continue;
            String severity = m.group(1) + (m.group(2) == null ? "" : m.group(2));
            Path file = dir.resolve(m.group(3)).normalize();
            int line = Integer.parseInt(m.group(4));
            int column = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            found.add(new VerilogDiagnostic(severity, file, line, column, m.group(6).strip(),
                    readLine(file, line).orElse("")));
        }
        return List.copyOf(found);
    }

    private static Optional<String> readLine(Path file, int line) {
        try (var lines = Files.lines(file)) {
            return lines.skip(line - 1L).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
