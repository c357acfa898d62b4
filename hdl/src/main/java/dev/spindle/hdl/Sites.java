package dev.spindle.hdl;

import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.SourceLoc;

import java.util.Iterator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where hardware is made, from one {@link StackWalker} walk per node: the user's Java line (and, when that line is
 * inside a helper method or a library operator, the lines that called it, up to the component's constructor:
 * {@code Softmax.java:460 <- Softmax.java:150 <- Softmax.java:95}), and the local variable that receives the node,
 * found from the bytecode index of each frame's call ({@link CallSites}). A value returned by a helper is named by
 * the caller's local. Frames of Spindle's core packages and of the JDK are skipped.
 */
final class Sites {
    private Sites() {}

    /** A node's location, and the name (null when none) its Java code gives it, with how strong that name is. */
    record Site(SourceLoc loc, String name, NameSource source) {}

    private static final Set<String> CORE_PACKAGES = Set.of("dev.spindle.hdl", "dev.spindle.hdl.ir", "dev.spindle.hdl.verilog");

    /** At most this many frames of user code are looked at (a deep helper chain is cut there). */
    private static final int MAX_FRAMES = 12;

    /* The JDK's first batch of 8 frames: measured cheaper than a deeper first batch (14) on the elaboration benchmark. */
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private static final ClassValue<Boolean> INTERNAL = new ClassValue<>() {
        @Override protected Boolean computeValue(Class<?> type) { return isInternal(type.getName()); }
    };

    static boolean isInternal(String className) {
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) return true;
        int dot = className.lastIndexOf('.');
        return dot > 0 && CORE_PACKAGES.contains(className.substring(0, dot));
    }

    private static final Function<Stream<StackWalker.StackFrame>, Object> LOC = frames -> walk(frames, true, false);
    private static final Function<Stream<StackWalker.StackFrame>, Object> NAME = frames -> walk(frames, false, true);
    private static final Function<Stream<StackWalker.StackFrame>, Object> BOTH = frames -> walk(frames, true, true);

    /** The user's line (with its callers through helpers) of what is being built now. */
    static SourceLoc loc() { return (SourceLoc) WALKER.walk(LOC); }

    /** The location and the local name of a signal or memory being created now. */
    static Site site() { return (Site) WALKER.walk(BOTH); }

    /** The local name of an operator result being created now (no location: operators carry none). */
    static Site name() { return (Site) WALKER.walk(NAME); }

    private static final Site NO_NAME = new Site(null, null, NameSource.NONE);

    /*
     * Called for every signal, statement and operator (several hundred thousand times for the 50,000-register
     * benchmark), so it is a plain loop with per-class and per-bytecode-index caches: no stack trace elements.
     */
    private static Object walk(Stream<StackWalker.StackFrame> frames, boolean wantLoc, boolean wantName) {
        // Location levels, innermost first; a lambda's enclosing frame in the same class adds no level of its own.
        // The first level is kept in locals: most nodes are made straight in a constructor and need no arrays.
        StackWalker.StackFrame firstFrame = null;
        CallSites.Type firstType = null;
        CallSites.Method firstMethod = null;
        StackWalker.StackFrame[] levelFrames = null;
        CallSites.Type[] types = null;
        CallSites.Method[] methods = null;
        int levels = 0;
        boolean locDone = !wantLoc;
        Class<?> lambdaOwner = null;

        boolean nameDone = !wantName;
        String name = null;
        NameSource source = NameSource.NONE;
        String suffix = "";
        boolean input = false;
        int seen = 0;
        for (Iterator<StackWalker.StackFrame> it = frames.iterator(); !(locDone && nameDone) && it.hasNext(); ) {
            StackWalker.StackFrame f = it.next();
            Class<?> cls = f.getDeclaringClass();
            if (INTERNAL.get(cls)) continue;
            if (++seen > MAX_FRAMES) break;
            CallSites.Type type = CallSites.of(cls);
            CallSites.Method m = type.method(f);
            if (!locDone) {
                if (lambdaOwner != cls) {
                    if (levels == 0) {
                        firstFrame = f;
                        firstType = type;
                        firstMethod = m;
                    } else {
                        if (levelFrames == null) {
                            levelFrames = new StackWalker.StackFrame[MAX_FRAMES];
                            types = new CallSites.Type[MAX_FRAMES];
                            methods = new CallSites.Method[MAX_FRAMES];
                        }
                        levelFrames[levels] = f;
                        types[levels] = type;
                        methods[levels] = m;
                    }
                    levels++;
                }
                lambdaOwner = m != null && m.lambda ? cls : null;
                String method = m != null ? m.name : f.getMethodName();
                if (type.component && method.equals("<init>")) locDone = true;
            }
            if (!nameDone) {
                if (m == null || !type.hasLocalNames) {
                    if (m != null) warnNoNames(cls, type);
                    nameDone = true;
                    continue;
                }
                if (type.bundle && m.name.equals("<init>")) continue;   // a bundle's leaf: named after who receives the bundle
                CallSites.Fate fate = m.fate(f.getByteCodeIndex());
                switch (fate.kind()) {
                    case LOCAL -> {
                        name = fate.name() + fate.suffix() + suffix;
                        input |= fate.input();
                        source = input ? NameSource.INPUT : type.library ? NameSource.LIBRARY_LOCAL : NameSource.LOCAL;
                        if (fate.returned()) suffix = fate.suffix() + suffix;   // the caller may name it better
                        else nameDone = true;
                    }
                    case RETURN -> {
                        suffix = fate.suffix() + suffix;
                        input |= fate.input();
                    }
                    case NONE -> nameDone = true;
                }
            }
        }
        SourceLoc loc = null;
        if (wantLoc) {
            for (int i = levels - 1; i >= 1; i--) loc = locOf(levelFrames[i], types[i], methods[i], loc);
            if (levels > 0) loc = locOf(firstFrame, firstType, firstMethod, loc);
            if (loc == null) loc = SourceLoc.UNKNOWN;
        }
        if (!wantName) return loc;
        if (name == null) return wantLoc ? new Site(loc, null, NameSource.NONE) : NO_NAME;
        String areaPrefix = Elaboration.active() ? Elaboration.current().areaPrefix() : null;
        if (areaPrefix != null) {
            name = areaPrefix + "_" + name;
            if (source != NameSource.INPUT) source = NameSource.AREA;
        }
        return new Site(loc, name, source);
    }

    private static SourceLoc locOf(StackWalker.StackFrame f, CallSites.Type type, CallSites.Method m, SourceLoc caller) {
        int bci = f.getByteCodeIndex();
        int line = m == null ? 0 : m.line(bci);
        if (line <= 0 || type.sourceFile == null) {
            return new SourceLoc(f.getFileName() == null ? "unknown" : f.getFileName(), f.getLineNumber(), f.getClassName(), f.getMethodName(), caller);
        }
        if (caller == null) return m.loc(type, f.getClassName(), bci);
        return new SourceLoc(type.sourceFile, line, f.getClassName(), m.name, caller);
    }

    private static void warnNoNames(Class<?> cls, CallSites.Type type) {
        if (type.warned) return;
        type.warned = true;
        System.err.println("spindle: warning: " + cls.getName() + " has no local variable table (compiled without javac -g):"
                + " hardware held in its local variables gets generated names");
    }
}
