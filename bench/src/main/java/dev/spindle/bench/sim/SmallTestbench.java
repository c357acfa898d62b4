package dev.spindle.bench.sim;

import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.verilator.NativeBenchmark;

/**
 * {@link SmallDesign}'s benchmark stimulus, in Java over typed {@link Sim} handles ({@link #run}) and the same in C++
 * ({@link #cppLoop}). Cycle {@code i}, with {@code a = i * 0x9E3779B97F4A7C15} (every bit of the 64-bit port
 * toggles): {@code io_a = a}; {@code io_b}'s 32-bit words, least significant first, {@code (int) i},
 * {@code (int) (a >>> 32)}, {@code (int) a}, {@code ~(int) i}; one clock period (one downcall); then {@code io_x}
 * (which folds in both inputs and the counter) is added to the checksum. The model starts after {@link Sim}'s
 * reset cycle, which the C++ repeats in its set-up.
 */
public final class SmallTestbench implements Workload {
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final Sim<SmallDesign> sim;
    private final SimPort.UIntPort a;
    private final SimPort.UIntPort b;
    private final SimPort.UIntPort x;

    public SmallTestbench(Sim<SmallDesign> sim) {
        this.sim = sim;
        var io = sim.dut().io;
        a = sim.port(io.a);
        b = sim.port(io.b);
        x = sim.port(io.x);
    }

    /** Elaborates, builds (or finds in the cache) and loads the design. */
    public static SmallTestbench open() {
        return new SmallTestbench(Sim.of(SmallDesign::new));
    }

    @Override public Sim<SmallDesign> sim() { return sim; }

    /** Runs cycles {@code 0 .. cycles-1} of the stimulus; returns the checksum. */
    @Override public long run(long cycles) {
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            long v = i * GOLDEN;
            a.set(v);
            b.setWord(0, (int) i);
            b.setWord(1, (int) (v >>> 32));
            b.setWord(2, (int) v);
            b.setWord(3, ~(int) i);
            sim.cycle();
            sink += x.get();
        }
        return sink;
    }

    /** The same stimulus and checksum in C++, for {@link NativeBenchmark}. */
    @Override public NativeBenchmark.Loop cppLoop() {
        String b = "top." + this.b.name();
        return new NativeBenchmark.Loop(
                CppReset.sequence(sim),
                "        const uint64_t v = i * 0x" + Long.toHexString(GOLDEN) + "ULL;\n"
                        + "        top." + a.name() + " = v;\n"
                        + "        " + b + "[0] = (uint32_t)i;\n"
                        + "        " + b + "[1] = (uint32_t)(v >> 32);\n"
                        + "        " + b + "[2] = (uint32_t)v;\n"
                        + "        " + b + "[3] = ~(uint32_t)i;\n",
                "        sink += top." + x.name() + ";\n");
    }

    @Override public void close() { sim.close(); }
}
