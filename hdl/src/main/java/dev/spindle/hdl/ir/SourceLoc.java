package dev.spindle.hdl.ir;

/**
 * The user's Java line that created a node or statement (captured by the front end with {@link StackWalker},
 * skipping Spindle's core packages), so that an elaboration error and the Verilog's comments point at the user's
 * code (Amaranth-style). When that line is inside a helper method or a library operator, {@code caller} is the line
 * that called it, and so on up to the component's constructor: {@code Stream.java:120 <- Top.java:33}.
 */
public record SourceLoc(String file, int line, String className, String method, SourceLoc caller) {
    public static final SourceLoc UNKNOWN = new SourceLoc("unknown", 0, "", "");

    public SourceLoc(String file, int line, String className, String method) { this(file, line, className, method, null); }

    /** {@code Counter.java:42}, as in a compiler message; {@code Stream.java:120 <- Top.java:33} through helpers. */
    @Override public String toString() { return file + ":" + line + (caller == null ? "" : " <- " + caller); }
}
