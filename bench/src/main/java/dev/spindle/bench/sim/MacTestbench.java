package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.VecPort;
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
    private final VecPort a;
    private final VecPort b;
    private final VecPort acc;
    private final SimPort.BoolPort enable;
    private final SimPort.BoolPort clear;

    public MacTestbench(Sim<?> sim, MacIo io) {
        this.sim = sim;
        if (Integer.bitCount(io.acc.size()) != 1) throw new IllegalArgumentException("accumulators: " + io.acc.size() + " is not a power of two");
        a = sim.port(io.a);     // Vec handles: one base address for all the lanes
        b = sim.port(io.b);
        acc = sim.port(io.acc);
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
        VecPort a = this.a;
        VecPort b = this.b;
        VecPort acc = this.acc;
        int rows = a.size();
        int cols = b.size();
        int last = acc.size() - 1;
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            int v = (int) i;
            int w = 3 * v;
            for (int r = 0; r < rows; r++) a.set(r, v + r);
            for (int c = 0; c < cols; c++) b.set(c, w - c);
            clear.set((v & 255) == 0);
            sim.cycle();
            sink += acc.get(v & last);
        }
        return sink;
    }

    /** The same stimulus and checksum in C++, for {@link NativeBenchmark}. */
    @Override public NativeBenchmark.Loop cppLoop() {
        var setup = new StringBuilder(CppReset.sequence(sim));
        setup.append("    top.").append(enable.name()).append(" = 1;\n");
        setup.append("    QData* const acc[").append(acc.size()).append("] = {");
        for (int k = 0; k < acc.size(); k++) setup.append(k == 0 ? "" : ", ").append("&top.").append(acc.port(k).name());
        setup.append("};\n");
        var drive = new StringBuilder("        const uint32_t v = (uint32_t)i;\n        const uint32_t w = 3 * v;\n");
        for (int r = 0; r < a.size(); r++) {
            drive.append("        top.").append(a.port(r).name()).append(" = (uint16_t)(v + ").append(r).append(");\n");
        }
        for (int c = 0; c < b.size(); c++) {
            drive.append("        top.").append(b.port(c).name()).append(" = (uint16_t)(w - ").append(c).append(");\n");
        }
        drive.append("        top.").append(clear.name()).append(" = (v & 255) == 0;\n");
        int shift = 64 - MacArray.MAC.accWidth();
        String read = "        sink += (uint64_t)((int64_t)(*acc[v & " + (acc.size() - 1) + "] << " + shift + ") >> " + shift + ");\n";
        return new NativeBenchmark.Loop(setup.toString(), drive.toString(), read);
    }

    @Override public void close() { sim.close(); }
}
