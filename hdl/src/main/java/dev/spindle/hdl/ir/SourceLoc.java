package dev.spindle.hdl.ir;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The user's Java line that created a node or statement. Captured with {@link StackWalker}, skipping
 * Spindle's core packages, so that an elaboration error points at the user's code (Amaranth-style). When that line
 * is inside the component library ({@code dev.spindle.lib}), {@code caller} is the first line outside it: the
 * user's call of the library operator ({@code Stream.java:120 <- Top.java:33}).
 */
public record SourceLoc(String file, int line, String className, String method, SourceLoc caller) {
    public static final SourceLoc UNKNOWN = new SourceLoc("unknown", 0, "", "");

    public SourceLoc(String file, int line, String className, String method) { this(file, line, className, method, null); }

    /** Packages whose frames are never the "user's line". Exact package names: tests live elsewhere. */
    private static final Set<String> CORE_PACKAGES = Set.of("dev.spindle.hdl", "dev.spindle.hdl.ir", "dev.spindle.hdl.verilog");

    /*
     * Called for every signal and statement (about 20,000 times for a 10,000-register design), so it is kept
     * cheap: one walk with a plain loop (no stream pipeline, Optional or lambdas per call), and the package test
     * cached per class instead of string work per frame.
     */
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final ClassValue<Boolean> INTERNAL = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return isInternal(type.getName()); }
    };

    private static final ClassValue<Boolean> LIBRARY = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return type.getName().startsWith(LIBRARY_PREFIX); }
    };

    private static final String LIBRARY_PREFIX = "dev.spindle.lib.";

    private static final Function<Stream<StackWalker.StackFrame>, SourceLoc> FIRST_USER_FRAME = frames -> {
        StackWalker.StackFrame site = null;
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); it.hasNext(); ) {
            StackWalker.StackFrame f = it.next();
            if (INTERNAL.get(f.getDeclaringClass())) continue;
            if (site == null) {
                site = f;
                if (!LIBRARY.get(f.getDeclaringClass())) return of(f, null);
            } else if (!LIBRARY.get(f.getDeclaringClass())) {
                return of(site, of(f, null));
            }
        }
        return site == null ? UNKNOWN : of(site, null);
    };

    private static SourceLoc of(StackWalker.StackFrame f, SourceLoc caller) {
        return new SourceLoc(f.getFileName() == null ? "unknown" : f.getFileName(), f.getLineNumber(),
                f.getClassName(), f.getMethodName(), caller);
    }

    /** The first frame outside Spindle's core and the JDK. */
    public static SourceLoc capture() { return WALKER.walk(FIRST_USER_FRAME); }

    static boolean isInternal(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.")) return true;
        int dot = className.lastIndexOf('.');
        return dot > 0 && CORE_PACKAGES.contains(className.substring(0, dot));
    }

    /** {@code Counter.java:42}, as in a compiler message; {@code Stream.java:120 <- Top.java:33} through the library. */
    @Override public String toString() { return file + ":" + line + (caller == null ? "" : " <- " + caller); }
}
