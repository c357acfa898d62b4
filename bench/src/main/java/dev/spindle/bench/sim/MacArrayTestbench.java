package dev.spindle.bench.sim;

import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.verilator.NativeBenchmark;

/**
 * {@link MacArray}'s benchmark stimulus, in Java over typed {@link Sim} handles ({@link #run}) and the same in C++
 * ({@link #cppLoop}). {@code io_enable} is 1 throughout. Cycle {@code i}, with {@code v = (int) i}: lane {@code k}
 * gets {@code io_a_k = v + k} and {@code io_b_k = 3v - k} (both taken to 16 bits), {@code io_clear} is 1 every 256th
 * cycle; one clock period (one downcall); then one lane's accumulator, lane {@code i mod 16}, sign-extended, is added
 * to the checksum, so every lane's result counts. The model starts after {@link Sim}'s reset cycle, which the C++
 * repeats in its set-up.
 */
public final class MacArrayTestbench implements Workload {
    private static final int LANES = MacArray.LANES;

    private final Sim<MacArray> sim;
    private final SimPort.SIntPort[] a = new SimPort.SIntPort[LANES];
    private final SimPort.SIntPort[] b = new SimPort.SIntPort[LANES];
    private final SimPort.SIntPort[] acc = new SimPort.SIntPort[LANES];
    private final SimPort.BoolPort enable;
    private final SimPort.BoolPort clear;

    public MacArrayTestbench(Sim<MacArray> sim) {
        this.sim = sim;
        var io = sim.dut().io;
        for (int k = 0; k < LANES; k++) {
            a[k] = sim.port(io.a.get(k));
            b[k] = sim.port(io.b.get(k));
            acc[k] = sim.port(io.acc.get(k));
        }
        enable = sim.port(io.enable);
        clear = sim.port(io.clear);
        enable.set(true);
    }

    /** Elaborates, builds (or finds in the cache) and loads the design. */
    public static MacArrayTestbench open() {
        return new MacArrayTestbench(Sim.of(MacArray::new));
    }

    @Override public Sim<MacArray> sim() { return sim; }

    /** Runs cycles {@code 0 .. cycles-1} of the stimulus; returns the checksum. */
    @Override public long run(long cycles) {
        SimPort.SIntPort[] a = this.a;
        SimPort.SIntPort[] b = this.b;
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            int v = (int) i;
            int w = 3 * v;
            for (int k = 0; k < LANES; k++) {
                a[k].set(v + k);
                b[k].set(w - k);
            }
            clear.set((v & 255) == 0);
            sim.cycle();
            sink += acc[v & (LANES - 1)].get();
        }
        return sink;
    }

    /** The same stimulus and checksum in C++, for {@link NativeBenchmark}. */
    @Override public NativeBenchmark.Loop cppLoop() {
        var setup = new StringBuilder(CppReset.sequence(sim));
        setup.append("    top.").append(enable.name()).append(" = 1;\n");
        setup.append("    QData* const acc[").append(LANES).append("] = {");
        for (int k = 0; k < LANES; k++) setup.append(k == 0 ? "" : ", ").append("&top.").append(acc[k].name());
        setup.append("};\n");
        var drive = new StringBuilder("        const uint32_t v = (uint32_t)i;\n        const uint32_t w = 3 * v;\n");
        for (int k = 0; k < LANES; k++) {
            drive.append("        top.").append(a[k].name()).append(" = (uint16_t)(v + ").append(k).append(");\n");
            drive.append("        top.").append(b[k].name()).append(" = (uint16_t)(w - ").append(k).append(");\n");
        }
        drive.append("        top.").append(clear.name()).append(" = (v & 255) == 0;\n");
        int shift = 64 - MacArray.MAC.accWidth();
        String read = "        sink += (uint64_t)((int64_t)(*acc[v & " + (LANES - 1) + "] << " + shift + ") >> " + shift + ");\n";
        return new NativeBenchmark.Loop(setup.toString(), drive.toString(), read);
    }

    @Override public void close() { sim.close(); }
}
