package dev.spindle.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

final class Logs {
    private Logs() {}

    /** The last {@code n} lines of a log, indented; a note when there is none. */
    static String tail(Path log, int n) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            for (String l : lines.subList(Math.max(0, lines.size() - n), lines.size())) sb.append("    ").append(l).append('\n');
            return sb.length() == 0 ? "    (empty)\n" : sb.toString();
        } catch (IOException e) {
            return "    (no log: " + e.getMessage() + ")\n";
        }
    }
}
