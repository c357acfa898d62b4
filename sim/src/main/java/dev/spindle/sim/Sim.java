package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.sim.verilator.ModelLibrary;
import dev.spindle.sim.verilator.NativeModel;
import dev.spindle.sim.verilator.Port;
import dev.spindle.sim.verilator.PortSpec;
import dev.spindle.sim.verilator.VerilatorBuild;
import dev.spindle.hdl.verilog.Lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A running simulation of a design, in the spirit of hardcaml's Cyclesim: a plain value you create, drive and
 * close. {@code Sim.of(() -> new Counter(cfg))} elaborates, emits, builds with Verilator (cached) and loads the
 * model in-process; {@link #port(UInt)} and friends give typed handles on the top's ports from the component's
 * own io fields; {@link #cycle()} is one clock period of the default domain. The design starts after one
 * cycle of reset.
 */
public final class Sim<T extends Component> implements AutoCloseable {
    private final Elaborated<T> design;
    private final VerilogOutput verilog;
    private final NativeModel model;
    private Agent[] agents = new Agent[0];
    private final Clocks clocks;
    /** No agents and one clock domain on {@code clk}: {@link #cycle()} is {@link NativeModel#cycle()}. */
    private boolean plain;
    private boolean dirty;
    private long cycle;

    private Sim(Elaborated<T> design, VerilogOutput verilog, NativeModel model) {
        this.design = design;
        this.verilog = verilog;
        this.model = model;
        this.clocks = new Clocks(model, verilog.manifest());
        this.plain = clocks.single();
    }

    public static <T extends Component> Sim<T> of(Supplier<T> top) { return of(Spindle.elaborate(top)); }

    public static <T extends Component> Sim<T> of(Elaborated<T> design) { return of(design, null); }

    /** A simulation whose FST waveform is written to {@code waves} from the first cycle (null: none). */
    public static <T extends Component> Sim<T> of(Elaborated<T> design, Path waves) {
        VerilogOutput out = VerilogBackend.emit(design);
        ModelLibrary library = build(out, waves != null);
        NativeModel model = NativeModel.open(library);
        try {
            if (waves != null) model.openWaves(waves);
            Sim<T> sim = new Sim<>(design, out, model);
            sim.clocks.reset();
            return sim;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Builds (or finds in the cache) the Verilated library of an emitted design, with tracing compiled in. */
    public static ModelLibrary build(VerilogOutput out) { return build(out, true); }

    /**
     * Builds (or finds in the cache) the Verilated library of an emitted design for a simulation that will or will
     * not write waves: a big design (over a megabyte of Verilog) is built without tracing unless {@code waves}.
     */
    public static ModelLibrary build(VerilogOutput out, boolean waves) {
        List<PortSpec> ports = new ArrayList<>();
        for (Manifest.Port p : out.manifest().ports()) {
            ports.add(new PortSpec(p.name(), p.direction().equals("in") ? PortSpec.Direction.IN : PortSpec.Direction.OUT, p.width()));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("spindle-sim-");
            out.writeTo(dir);
            for (var stub : out.blackBoxStubs().entrySet()) Files.writeString(dir.resolve(stub.getKey()), stub.getValue());
            Path lintDir = dir.resolve("lint");
            // Spindle's Verilog must be clean in all three front ends; a model is compiled (and cached) only then.
            return VerilatorBuild.standard().build(dir, out.top(), ports, waves, () -> {
                long start = System.nanoTime();
                List<String> problems = Lint.check(out, lintDir);
                double seconds = (System.nanoTime() - start) / 1e9;
                // A whole network's lint takes minutes on a busy machine: say what it was (small designs stay quiet).
                if (seconds >= 5) System.err.printf(java.util.Locale.ROOT, "spindle: lint of %s (verilator, yosys, iverilog) took %.1f s%n", out.top(), seconds);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("the Verilog emitted for " + out.top() + " is not lint-clean:\n" + String.join("\n", problems));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp directory is harmless.
        }
    }

    /** The component object: its io fields are the keys for {@link #port}. */
    public T dut() { return design.top(); }

    public Elaborated<T> design() { return design; }

    public VerilogOutput verilog() { return verilog; }

    public NativeModel model() { return model; }

    /** Clock cycles of the default domain since reset ended. */
    public long cycleCount() { return cycle; }

    public SimPort.BoolPort port(Bool b) { return new SimPort.BoolPort(this, port(topPortName(b))); }

    public SimPort.UIntPort port(UInt u) { return new SimPort.UIntPort(this, port(topPortName(u))); }

    public SimPort.UIntPort port(Bits b) { return new SimPort.UIntPort(this, port(topPortName(b))); }

    public SimPort.SIntPort port(SInt s) { return new SimPort.SIntPort(this, port(topPortName(s))); }

    public SimPort.FixPort port(SFix f) { return new SimPort.FixPort(this, port(topPortName(f)), f.format()); }

    public SimPort.FixPort port(UFix f) { return new SimPort.FixPort(this, port(topPortName(f)), f.format()); }

    /**
     * A handle on any leaf port of the top, typed by its hardware type (what the typed overloads return); the
     * stream agents and codecs take their ports through this, from the component's own io fields.
     */
    public SimPort port(BaseType leaf) {
        return switch (leaf) {
            case Bool b -> port(b);
            case UInt u -> port(u);
            case Bits b -> port(b);
            case SInt s -> port(s);
            case SFix f -> port(f);
            case UFix f -> port(f);
            default -> throw new IllegalArgumentException("no port handle for " + leaf.getClass().getSimpleName());
        };
    }

    /** A Vec port of the top, element by element ({@code sim.port(io.lanes).set(k, v)}); every element a top port of one width. */
    public VecPort port(Vec<? extends BaseType> v) {
        List<Port> ports = new ArrayList<>();
        for (BaseType e : v) ports.add(port(topPortName(e)));
        return new VecPort(this, ports, v.get(0) instanceof SInt || v.get(0) instanceof SFix s && s.format().signed());
    }

    /** A port by its Verilog name, for string look-ups (e.g. from a manifest). */
    public Port port(String name) { return model.port(name); }

    /** A handle on any port, unsigned. */
    public SimPort.UIntPort in(String name) { return new SimPort.UIntPort(this, model.port(name)); }

    public SimPort.UIntPort out(String name) { return new SimPort.UIntPort(this, model.port(name)); }

    private String topPortName(BaseType data) {
        if (data.node() instanceof Signal s && s.isPort() && s.owner() == design.root()) return s.name();
        throw new IllegalArgumentException("not a port of the top " + design.root().definitionName() + ": " + data.node());
    }

    /** Registers an agent; agents act every cycle in registration order. */
    public <A extends Agent> A add(A agent) {
        agents = java.util.Arrays.copyOf(agents, agents.length + 1);
        agents[agents.length - 1] = agent;
        plain = false;
        return agent;
    }

    void inputsChanged() { dirty = true; }

    /** Evaluates combinational logic if an input changed since the last evaluation. */
    void settle() {
        if (dirty) {
            model.eval();
            dirty = false;
        }
    }

    /** Evaluates the model now (after inputs changed, before reading combinational outputs). */
    public void eval() {
        model.eval();
        dirty = false;
    }

    /**
     * One period of the default clock: agents drive, the model settles, agents sample, then the edge. Without
     * agents, in a design with the one clock {@code clk}, it is {@link NativeModel#cycle()}: one downcall and
     * two field updates, nothing else (the simulation benchmark's hot path).
     */
    public void cycle() {
        if (plain) {
            model.cycle();
        } else {
            cycleSlow();
        }
        dirty = false;
        cycle++;
    }

    private void cycleSlow() {
        Agent[] agents = this.agents;
        if (agents.length > 0) {
            for (Agent a : agents) a.drive(cycle);
            settle();   // only when an agent changed an input: the last edge left the model settled
            for (Agent a : agents) a.sample(cycle);
        }
        clocks.cycle();
    }

    public void cycles(long n) {
        if (agents.length == 0) {
            clocks.cycles(n);
            cycle += n;
            dirty = false;
        } else {
            for (long i = 0; i < n; i++) cycle();
        }
    }

    /** Runs until {@code done} holds or {@code maxCycles} pass; fails with the cycle count on a time-out. */
    public void runUntil(java.util.function.BooleanSupplier done, long maxCycles) {
        long start = cycle;
        while (!done.getAsBoolean()) {
            if (cycle - start >= maxCycles) {
                throw new AssertionError("timed out after " + maxCycles + " cycles (at cycle " + cycle + ")");
            }
            cycle();
        }
    }

    /** Advances simulated time by {@code ns}, toggling every clock domain at its own period. */
    public void runFor(long ns) { clocks.runFor(ns); }

    /** Asserts the reset of every domain for {@code cycles} cycles, then releases it. */
    public void reset(int cycles) { clocks.reset(cycles); }

    public void openWaves(Path fst) { model.openWaves(fst); }

    public void closeWaves() { model.closeWaves(); }

    @Override public void close() { model.close(); }
}
