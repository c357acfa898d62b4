package dev.spindle.sim.verilator;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/**
 * Downcall handles for the shim's entry points, shared by every model.
 *
 * <p>The handles are {@code static final} and unbound (the function address is their first argument):
 * a constant handle is what lets the JIT inline the call, which a handle held in an instance field
 * would prevent. Pointers travel as {@code long} (same registers on x86-64 and AArch64), so a call
 * never acquires a segment's scope; {@link NativeModel} checks liveness itself.
 */
@SuppressWarnings("restricted")
final class Shim {

    private static final Linker LINKER = Linker.nativeLinker();
    /**
     * No thread-state transition; only for calls that return quickly, since the GC waits for them.
     * Measured on JDK 25 here: an empty call 4.1–5.1 ns → 3.1–3.8 ns; on a model's cycle() the
     * difference is within noise, so it is kept for the single-cycle calls only.
     */
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    /** {@code void f(Model*)}: eval, destroy, trace_close. */
    static final MethodHandle VOID_P = LINKER.downcallHandle(FunctionDescriptor.ofVoid(JAVA_LONG));
    static final MethodHandle VOID_P_CRITICAL = LINKER.downcallHandle(FunctionDescriptor.ofVoid(JAVA_LONG), CRITICAL);
    /** {@code void f(Model*, long)}: ports, advance. */
    static final MethodHandle VOID_PL = LINKER.downcallHandle(FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG));
    /** {@code void cycle(Model*, uint8_t* clk, uint64_t n)}. */
    static final MethodHandle CYCLE = LINKER.downcallHandle(
            FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG));
    static final MethodHandle CYCLE_CRITICAL = LINKER.downcallHandle(
            FunctionDescriptor.ofVoid(JAVA_LONG, JAVA_LONG, JAVA_LONG), CRITICAL);
    /** {@code Model* create()}. */
    static final MethodHandle LONG_V = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_LONG));
    /** {@code int port_count()}. */
    static final MethodHandle INT_V = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT));
    /** {@code uint64_t time(Model*)}. */
    static final MethodHandle LONG_P = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
    /** {@code int finished(Model*)}. */
    static final MethodHandle INT_P = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG));
    /** {@code int trace_open(Model*, const char*)}. */
    static final MethodHandle INT_PP = LINKER.downcallHandle(FunctionDescriptor.of(JAVA_INT, JAVA_LONG, JAVA_LONG));

    /** The entry points of one loaded library, as scope-free addresses. */
    record Symbols(MemorySegment create, MemorySegment portCount, MemorySegment ports, MemorySegment eval,
                   MemorySegment cycle, MemorySegment advance, MemorySegment time, MemorySegment finished,
                   MemorySegment traceOpen, MemorySegment traceClose, MemorySegment destroy) {

        static Symbols find(SymbolLookup lookup, Path library) {
            return new Symbols(find(lookup, library, "create"), find(lookup, library, "port_count"),
                    find(lookup, library, "ports"), find(lookup, library, "eval"), find(lookup, library, "cycle"),
                    find(lookup, library, "advance"), find(lookup, library, "time"),
                    find(lookup, library, "finished"), find(lookup, library, "trace_open"),
                    find(lookup, library, "trace_close"), find(lookup, library, "destroy"));
        }

        private static MemorySegment find(SymbolLookup lookup, Path library, String name) {
            MemorySegment symbol = lookup.find("spindle_" + name).orElseThrow(() -> new IllegalStateException(
                    "spindle_" + name + " missing from " + library + ": not a Spindle model library"));
            // Re-made in the global scope: the library's lifetime is enforced by NativeModel, not per call.
            return MemorySegment.ofAddress(symbol.address());
        }
    }

    private Shim() {}

    /** Downcalls declare Throwable; the shim's functions throw nothing, so anything here is a bug. */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("unexpected exception from a native call", t);
    }
}
