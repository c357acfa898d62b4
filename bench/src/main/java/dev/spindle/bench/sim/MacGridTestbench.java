package dev.spindle.bench.sim;

import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.verilator.NativeBenchmark;

/**
 * {@link MacGrid}'s benchmark stimulus, {@link MacArrayTestbench}'s with rows for lanes: {@code io_enable} is 1
 * throughout; cycle {@code i}, with {@code v = (int) i}: {@code io_a_r = v + r}, {@code io_b_c = 3v - c} (16 bits),
 * {@code io_clear} is 1 every 256th cycle; one clock period; then accumulator {@code i mod 256}, sign-extended, is
 * added to the checksum. The C++ repeats {@link Sim}'s reset cycle in its set-up.
 */
public final class MacGridTestbench implements Workload {
    private static final int ROWS = MacGrid.ROWS;
    private static final int COLS = MacGrid.COLS;
    private static final int CELLS = ROWS * COLS;

    private final Sim<MacGrid> sim;
    private final SimPort.SIntPort[] a = new SimPort.SIntPort[ROWS];
    private final SimPort.SIntPort[] b = new SimPort.SIntPort[COLS];
    private final SimPort.SIntPort[] acc = new SimPort.SIntPort[CELLS];
    private final SimPort.BoolPort enable;
    private final SimPort.BoolPort clear;

    public MacGridTestbench(Sim<MacGrid> sim) {
        this.sim = sim;
        var io = sim.dut().io;
        for (int r = 0; r < ROWS; r++) a[r] = sim.port(io.a.get(r));
        for (int c = 0; c < COLS; c++) b[c] = sim.port(io.b.get(c));
        for (int k = 0; k < CELLS; k++) acc[k] = sim.port(io.acc.get(k));
        enable = sim.port(io.enable);
        clear = sim.port(io.clear);
        enable.set(true);
    }

    /** Elaborates, builds (or finds in the cache) and loads the design. */
    public static MacGridTestbench open() {
        return new MacGridTestbench(Sim.of(MacGrid::new));
    }

    @Override public Sim<MacGrid> sim() { return sim; }

    @Override public long run(long cycles) {
        SimPort.SIntPort[] a = this.a;
        SimPort.SIntPort[] b = this.b;
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            int v = (int) i;
            int w = 3 * v;
            for (int r = 0; r < ROWS; r++) a[r].set(v + r);
            for (int c = 0; c < COLS; c++) b[c].set(w - c);
            clear.set((v & 255) == 0);
            sim.cycle();
            sink += acc[v & (CELLS - 1)].get();
        }
        return sink;
    }

    @Override public NativeBenchmark.Loop cppLoop() {
        var setup = new StringBuilder(CppReset.sequence(sim));
        setup.append("    top.").append(enable.name()).append(" = 1;\n");
        setup.append("    QData* const acc[").append(CELLS).append("] = {");
        for (int k = 0; k < CELLS; k++) setup.append(k == 0 ? "" : ", ").append("&top.").append(acc[k].name());
        setup.append("};\n");
        var drive = new StringBuilder("        const uint32_t v = (uint32_t)i;\n        const uint32_t w = 3 * v;\n");
        for (int r = 0; r < ROWS; r++) {
            drive.append("        top.").append(a[r].name()).append(" = (uint16_t)(v + ").append(r).append(");\n");
        }
        for (int c = 0; c < COLS; c++) {
            drive.append("        top.").append(b[c].name()).append(" = (uint16_t)(w - ").append(c).append(");\n");
        }
        drive.append("        top.").append(clear.name()).append(" = (v & 255) == 0;\n");
        int shift = 64 - MacArray.MAC.accWidth();
        String read = "        sink += (uint64_t)((int64_t)(*acc[v & " + (CELLS - 1) + "] << " + shift + ") >> " + shift + ");\n";
        return new NativeBenchmark.Loop(setup.toString(), drive.toString(), read);
    }

    @Override public void close() { sim.close(); }
}
