package dev.spindle.sim.verilator;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One instance of a Verilated model, driven in-process through FFM.
 *
 * <p>Ports are {@link Port} handles onto the model's own memory, so setting inputs and reading outputs
 * costs no native call; {@link #cycle()} is one downcall (rise, eval, fall, eval in the shim). Each
 * instance owns a shared {@link Arena} holding the loaded library: {@link #close()} detaches the ports,
 * destroys the model (running Verilog {@code final} blocks), closes the waveform, and unloads the library
 * reference, exactly once; any later use, of the model or of a port, throws {@link IllegalStateException}.
 *
 * <p>Not thread-safe: drive an instance, and close it, from one thread at a time (a port checks that its
 * model is open with a plain read, see {@link Port}).
 */
@SuppressWarnings("restricted")
public final class NativeModel implements AutoCloseable {

    /** The clock {@link #cycle()} toggles when the top has it. */
    public static final String DEFAULT_CLOCK = "clk";

    private final ModelLibrary library;
    private final Arena arena;
    private final Shim.Symbols fn;
    private final MemorySegment cycleFn;
    private final List<Port> ports;
    /** Runs handed out by {@link #run}, detached with the ports on close. */
    private final List<PortRun> runs = new ArrayList<>();
    private final Map<String, Port> byName;
    private final Port clock;
    private long clockAddress;  // of clk's storage; 0 once closed
    private long handle;  // the C++ model; 0 once closed
    private boolean waves;

    private NativeModel(ModelLibrary library, Arena arena, Shim.Symbols fn, long handle) {
        this.library = library;
        this.arena = arena;
        this.fn = fn;
        this.cycleFn = fn.cycle();
        this.handle = handle;
        this.ports = List.copyOf(mapPorts());
        var names = new LinkedHashMap<String, Port>();
        ports.forEach(p -> names.put(p.name(), p));
        this.byName = names;
        this.clock = names.get(DEFAULT_CLOCK);
        this.clockAddress = clock == null ? 0 : clockAddressOf(clock);
    }

    /** Loads {@code library} and constructs a fresh instance of its model (all state at reset values). */
    public static NativeModel open(ModelLibrary library) {
        Arena arena = Arena.ofShared();
        try {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library.library(), arena);
            Shim.Symbols fn = Shim.Symbols.find(lookup, library.library());
            int count = (int) Shim.INT_V.invokeExact(fn.portCount());
            if (count != library.ports().size()) {
                throw new IllegalStateException(library.library() + " has " + count + " ports, expected "
                        + library.ports().size() + ": the library does not match the port list");
            }
            long handle = (long) Shim.LONG_V.invokeExact(fn.create());
            return new NativeModel(library, arena, fn, handle);
        } catch (Throwable t) {
            arena.close();
            throw Shim.rethrow(t);
        }
    }

    public String top() {
        return library.top();
    }

    public ModelLibrary library() {
        return library;
    }

    /** Every port, in the order of the library's port list. */
    public List<Port> ports() {
        return ports;
    }

    /**
     * The given ports as one {@link PortRun} (element k at base + k * size) when they are stored side by side
     * with one width and direction, as Verilator lays out the ports of a Vec; null when they are not.
     */
    public PortRun run(List<Port> of) {
        live();
        PortRun r = PortRun.of(this, of);
        if (r != null) runs.add(r);
        return r;
    }

    /** The port called {@code name}; an unknown name is an error listing the ports there are. */
    public Port port(String name) {
        Port port = byName.get(name);
        if (port == null) {
            throw new IllegalArgumentException("no port '" + name + "' on " + top() + "; its ports are "
                    + String.join(", ", byName.keySet()));
        }
        return port;
    }

    /** The {@code clk} port that {@link #cycle()} toggles. */
    public Port clock() {
        if (clock == null) throw noClock();
        return clock;
    }

    /** Evaluates the model after inputs changed (e.g. after toggling an extra clock from Java). */
    public void eval() {
        long h = live();
        try {
            Shim.VOID_P_CRITICAL.invokeExact(fn.eval(), h);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /** One period of {@code clk}: set 1, eval, set 0, eval (and two waveform samples). One downcall. */
    public void cycle() {
        long clk = clockAddress; // 0 when closed or clockless: one test on the hot path
        if (clk == 0) {
            live(); // says "closed" when that is the reason
            throw noClock();
        }
        try {
            Shim.CYCLE_CRITICAL.invokeExact(cycleFn, handle, clk, 1L);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /**
     * {@code n} periods of {@code clk} in one downcall. Not a critical call: a long run must not hold
     * off the garbage collector of the other threads.
     */
    public void cycles(long n) {
        cycles(clock(), n);
    }

    /** One period of another 1-bit input used as a clock. */
    public void cycle(Port clock) {
        cycles(clock, 1);
    }

    /** {@code n} periods of another 1-bit input used as a clock. */
    public void cycles(Port clock, long n) {
        long h = live();
        if (n < 0) throw new IllegalArgumentException("cycle count must be at least 0, got " + n);
        long address = clock != null && clock == this.clock ? clockAddress : clockAddressOf(clock);
        try {
            if (n == 1) Shim.CYCLE_CRITICAL.invokeExact(cycleFn, h, address, 1L);
            else if (n > 1) Shim.CYCLE.invokeExact(cycleFn, h, address, n);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /**
     * Samples the waveform at the current time (when waves are open), then moves time on by
     * {@code ticks} (ns; {@link #cycle()} advances 10). For clocks driven from Java:
     * {@code c.set(1); eval(); advance(5); c.set(0); eval(); advance(5);}.
     */
    public void advance(long ticks) {
        long h = live();
        if (ticks < 0) throw new IllegalArgumentException("ticks must be at least 0, got " + ticks);
        try {
            Shim.VOID_PL.invokeExact(fn.advance(), h, ticks);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /** Simulated time in ns (a cycle is 10). */
    public long time() {
        long h = live();
        try {
            return (long) Shim.LONG_P.invokeExact(fn.time(), h);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /** True once the design executed {@code $finish} or {@code $stop}. */
    public boolean finished() {
        long h = live();
        try {
            return (int) Shim.INT_P.invokeExact(fn.finished(), h) != 0;
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
    }

    /** Starts an FST waveform of every signal; each later half-cycle is sampled until {@link #closeWaves()}. */
    public void openWaves(Path fst) {
        long h = live();
        try {
            Path parent = fst.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + fst, e);
        }
        int status;
        try (Arena temp = Arena.ofConfined()) {
            MemorySegment path = temp.allocateFrom(fst.toAbsolutePath().toString());
            status = (int) Shim.INT_PP.invokeExact(fn.traceOpen(), h, path.address());
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
        if (status == -1) {
            throw new IllegalStateException(top() + " was built without tracing: open it with a waves path (Sim.of(design, waves)), since designs over "
                    + BuildFlags.BIG_DESIGN_VERILOG_BYTES / 1024 + " KB of Verilog are built without tracing unless waves are asked for, or build with BuildFlags.withTrace(true)");
        }
        if (status == -2) throw new IllegalStateException("waves of " + top() + " are already open");
        waves = true;
    }

    /** Flushes and closes the waveform; nothing happens when none is open. */
    public void closeWaves() {
        long h = live();
        try {
            Shim.VOID_P.invokeExact(fn.traceClose(), h);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
        waves = false;
    }

    public boolean wavesOpen() {
        return waves && handle != 0;
    }

    public boolean isClosed() {
        return handle == 0;
    }

    /** Runs {@code final} blocks, closes the waveform, frees the model and releases the library; idempotent. */
    @Override
    public void close() {
        long h = handle;
        if (h == 0) return;
        handle = 0;
        clockAddress = 0;
        waves = false;
        for (Port p : ports) p.detach(); // before the memory they address is freed
        for (PortRun r : runs) r.detach();
        try {
            Shim.VOID_P.invokeExact(fn.destroy(), h);
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        } finally {
            arena.close();
        }
    }

    @Override
    public String toString() {
        return "NativeModel[" + top() + ", hash " + library.shortHash() + (handle == 0 ? ", closed]" : "]");
    }

    private long live() {
        long h = handle;
        if (h == 0) throw new IllegalStateException(this + " was used after close()");
        return h;
    }

    private List<Port> mapPorts() {
        List<PortSpec> specs = library.ports();
        MemorySegment addresses = arena.allocate(JAVA_LONG, Math.max(1, specs.size()));
        try {
            Shim.VOID_PL.invokeExact(fn.ports(), handle, addresses.address());
        } catch (Throwable t) {
            throw Shim.rethrow(t);
        }
        var mapped = new ArrayList<Port>();
        for (int i = 0; i < specs.size(); i++) {
            mapped.add(new Port(this, specs.get(i), addresses.getAtIndex(JAVA_LONG, i)));
        }
        return mapped;
    }

    private long clockAddressOf(Port port) {
        if (port == null || port.owner() != this || port.width() != 1 || port.direction() != PortSpec.Direction.IN) {
            throw new IllegalArgumentException("a clock must be a 1-bit input of this " + top() + ", not " + port);
        }
        return port.storageAddress();
    }

    private IllegalStateException noClock() {
        return new IllegalStateException(top() + " has no '" + DEFAULT_CLOCK + "' port; use cycle(Port) with one of "
                + String.join(", ", byName.keySet()));
    }
}
