package dev.spindle.bench.sim;

import dev.spindle.sim.verilator.NativeBenchmark;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The simulation benchmark under JMH: each {@link Design} (the parameter {@code design}) driven from Java
 * ({@code java}: {@link Workload#run} on a model opened in the trial's set-up) and by its C++ loop ({@code cpp}: one
 * invocation runs the compiled executable and waits for it, so JMH's time includes the process start and the model's
 * construction, about 1 ms against the 0.3-0.6 s of the loop). An invocation runs the design's {@link #CYCLES}; the
 * {@link Cycles} counter makes JMH report them per second ({@code java:cycles}, {@code cpp:cycles}), which
 * {@code scripts/bench sim} divides per design. Each benchmark and design gets its own fork, so no design's profile
 * pollutes another's JIT code.
 *
 * <p>Set-up checks once per fork that Java and C++ compute the same checksum over a fresh model, so both sides do the
 * same work. The executables come from the cache ({@code SimBenchMain builds} compiles them; else the set-up does).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimBench {
    /** Cycles of one invocation, Java and C++. */
    record Invocation(long java, long cpp) {}

    static final Map<Design, Invocation> CYCLES = new EnumMap<>(Map.of(
            Design.SMALL, new Invocation(1_000_000, 20_000_000),
            Design.LARGE, new Invocation(20_000, 200_000),
            Design.LANES16, new Invocation(200_000, 3_000_000)));

    /** An open design, its C++ executable, and the agreement of their checksums. */
    @State(Scope.Thread)
    public static class Bench {
        @Param({"SMALL", "LARGE", "LANES16"})
        public Design design;
        Workload tb;
        Path exe;
        Invocation cycles;

        @Setup(Level.Trial)
        public void open() {
            cycles = CYCLES.get(design);
            tb = design.open();
            exe = NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
            long check = SimBenchMain.QUICK.get(design).checkCycles();
            try (Workload fresh = design.open()) {
                SimBenchMain.checkSame(design.label(), exe, check, fresh.run(check));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            tb.close();
        }
    }

    /** The clock cycles simulated: JMH reports the count per second beside the invocations. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cycles {
        public long cycles;

        @Setup(Level.Iteration)
        public void clear() { cycles = 0; }
    }

    @Benchmark
    public long java(Bench b, Cycles c) {
        c.cycles += b.cycles.java();
        return b.tb.run(b.cycles.java());
    }

    @Benchmark
    public long cpp(Bench b, Cycles c) {
        c.cycles += b.cycles.cpp();
        return NativeBenchmark.runNative(b.exe, b.cycles.cpp()).checksum();
    }
}
