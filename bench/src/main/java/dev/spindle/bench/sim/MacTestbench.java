package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.verilator.NativeBenchmark;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The benchmark stimulus of a MAC design ({@link MacArray}, {@link MacGrid}) through its {@link MacIo}, in Java over
 * typed {@link Sim} handles ({@link #run}) and the same in C++ ({@link #cppLoop}). {@code io_enable} is 1 throughout.
 * Cycle {@code i}, with {@code v = (int) i}: {@code io_a_r = v + r}, {@code io_b_c = 3v - c} (both taken to 16 bits),
 * {@code io_clear} is 1 every 256th cycle; one clock period (one downcall); then accumulator {@code i mod n} (n of
 * them, a power of two), sign-extended, is added to the checksum, so every accumulator counts. The model starts
 * after {@link Sim}'s reset cycle, which the C++ repeats in its set-up.
 */
public final class MacTestbench implements Workload {
    private final Sim<?> sim;
    private final SimPort.SIntPort[] a;
    private final SimPort.SIntPort[] b;
    private final SimPort.SIntPort[] acc;
    private final SimPort.BoolPort enable;
    private final SimPort.BoolPort clear;

    public MacTestbench(Sim<?> sim, MacIo io) {
        this.sim = sim;
        a = new SimPort.SIntPort[io.a.size()];
        b = new SimPort.SIntPort[io.b.size()];
        acc = new SimPort.SIntPort[io.acc.size()];
        if (Integer.bitCount(acc.length) != 1) throw new IllegalArgumentException("accumulators: " + acc.length + " is not a power of two");
        for (int r = 0; r < a.length; r++) a[r] = sim.port(io.a.get(r));
        for (int c = 0; c < b.length; c++) b[c] = sim.port(io.b.get(c));
        for (int k = 0; k < acc.length; k++) acc[k] = sim.port(io.acc.get(k));
        enable = sim.port(io.enable);
        clear = sim.port(io.clear);
        enable.set(true);
    }

    /** Elaborates, builds (or finds in the cache) and loads {@code design}, driven through {@code io}. */
    public static <T extends Component> MacTestbench open(Supplier<T> design, Function<T, MacIo> io) {
        Sim<T> sim = Sim.of(design);
        return new MacTestbench(sim, io.apply(sim.dut()));
    }

    @Override public Sim<?> sim() { return sim; }

    /** Runs cycles {@code 0 .. cycles-1} of the stimulus; returns the checksum. */
    @Override public long run(long cycles) {
        SimPort.SIntPort[] a = this.a;
        SimPort.SIntPort[] b = this.b;
        int last = acc.length - 1;
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            int v = (int) i;
            int w = 3 * v;
            for (int r = 0; r < a.length; r++) a[r].set(v + r);
            for (int c = 0; c < b.length; c++) b[c].set(w - c);
            clear.set((v & 255) == 0);
            sim.cycle();
            sink += acc[v & last].get();
        }
        return sink;
    }

    /** The same stimulus and checksum in C++, for {@link NativeBenchmark}. */
    @Override public NativeBenchmark.Loop cppLoop() {
        var setup = new StringBuilder(CppReset.sequence(sim));
        setup.append("    top.").append(enable.name()).append(" = 1;\n");
        setup.append("    QData* const acc[").append(acc.length).append("] = {");
        for (int k = 0; k < acc.length; k++) setup.append(k == 0 ? "" : ", ").append("&top.").append(acc[k].name());
        setup.append("};\n");
        var drive = new StringBuilder("        const uint32_t v = (uint32_t)i;\n        const uint32_t w = 3 * v;\n");
        for (int r = 0; r < a.length; r++) {
            drive.append("        top.").append(a[r].name()).append(" = (uint16_t)(v + ").append(r).append(");\n");
        }
        for (int c = 0; c < b.length; c++) {
            drive.append("        top.").append(b[c].name()).append(" = (uint16_t)(w - ").append(c).append(");\n");
        }
        drive.append("        top.").append(clear.name()).append(" = (v & 255) == 0;\n");
        int shift = 64 - MacArray.MAC.accWidth();
        String read = "        sink += (uint64_t)((int64_t)(*acc[v & " + (acc.length - 1) + "] << " + shift + ") >> " + shift + ");\n";
        return new NativeBenchmark.Loop(setup.toString(), drive.toString(), read);
    }

    @Override public void close() { sim.close(); }
}
