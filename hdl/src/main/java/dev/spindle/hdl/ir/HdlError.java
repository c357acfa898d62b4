package dev.spindle.hdl.ir;

import java.util.List;

/**
 * An elaboration error: what went wrong, the signal(s), and the user's Java line(s). The first line reads like
 * SpinalHDL's ({@code WIDTH MISMATCH (8 bits <- 9 bits) on ...}), the following lines give every location.
 */
public final class HdlError extends RuntimeException {
    public enum Kind {
        WIDTH_MISMATCH("WIDTH MISMATCH"),
        TYPE_MISMATCH("TYPE MISMATCH"),
        COMBINATIONAL_LOOP("COMBINATIONAL LOOP"),
        LATCH("LATCH DETECTED"),
        NO_DRIVER("NO DRIVER"),
        MULTIPLE_DRIVERS("MULTIPLE DRIVERS"),
        HIERARCHY_VIOLATION("HIERARCHY VIOLATION"),
        CLOCK_CROSSING("CLOCK CROSSING VIOLATION"),
        INVALID("INVALID DESIGN");

        public final String title;

        Kind(String title) { this.title = title; }
    }

    private final Kind kind;
    private final List<SourceLoc> locations;

    public HdlError(Kind kind, String detail, List<SourceLoc> locations) {
        super(format(kind, detail, locations));
        this.kind = kind;
        this.locations = List.copyOf(locations);
    }

    public HdlError(Kind kind, String detail, SourceLoc loc) { this(kind, detail, List.of(loc)); }

    public Kind kind() { return kind; }

    public List<SourceLoc> locations() { return locations; }

    private static String format(Kind kind, String detail, List<SourceLoc> locations) {
        StringBuilder sb = new StringBuilder(kind.title).append(' ').append(detail);
        for (SourceLoc l : locations) {
            sb.append("\n    at ").append(l);
            if (!l.className().isEmpty()) sb.append(" (").append(l.className()).append('.').append(l.method()).append(')');
        }
        return sb.toString();
    }
}
