package dev.spindle.hdl.ir;

import java.util.Set;

/**
 * The user's Java line that created a node or statement. Captured with {@link StackWalker}, skipping
 * Spindle's core packages, so that an elaboration error points at the user's code (Amaranth-style).
 */
public record SourceLoc(String file, int line, String className, String method) {
    public static final SourceLoc UNKNOWN = new SourceLoc("unknown", 0, "", "");

    /** Packages whose frames are never the "user's line". Exact package names: tests live elsewhere. */
    private static final Set<String> CORE_PACKAGES = Set.of("dev.spindle.hdl", "dev.spindle.hdl.ir", "dev.spindle.hdl.verilog");

    private static final StackWalker WALKER = StackWalker.getInstance();

    /** The first frame outside Spindle's core and the JDK. */
    public static SourceLoc capture() {
        return WALKER.walk(frames -> frames
                .filter(f -> !isInternal(f.getClassName()))
                .findFirst()
                .map(f -> new SourceLoc(f.getFileName() == null ? "unknown" : f.getFileName(),
                        f.getLineNumber(), f.getClassName(), f.getMethodName()))
                .orElse(UNKNOWN));
    }

    static boolean isInternal(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.")) return true;
        int dot = className.lastIndexOf('.');
        return dot > 0 && CORE_PACKAGES.contains(className.substring(0, dot));
    }

    /** {@code Counter.java:42}, as in a compiler message. */
    @Override public String toString() { return file + ":" + line; }
}
