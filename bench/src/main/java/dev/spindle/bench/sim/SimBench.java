package dev.spindle.bench.sim;

import dev.spindle.sim.verilator.NativeBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The simulation benchmark under JMH: each {@link Design} driven from Java ({@code java*}: {@link Workload#run} on a
 * model opened in the trial's set-up; one operation is one clock cycle) and by its C++ loop ({@code cpp*}: one
 * invocation runs the compiled executable for a fixed number of cycles and waits for it, so JMH's time includes the
 * process start and the model's construction, about 1 ms against the 0.3-0.6 s of the loop). Both in one run, so
 * {@code scripts/bench sim} divides the two throughputs of a design. Each benchmark gets its own fork, so no design's
 * profile pollutes another's JIT code.
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
    static final int SMALL_JAVA = 1_000_000;
    static final int SMALL_CPP = 20_000_000;
    static final int LARGE_JAVA = 20_000;
    static final int LARGE_CPP = 200_000;
    static final int LANES16_JAVA = 200_000;
    static final int LANES16_CPP = 3_000_000;

    /** An open design, its C++ executable, and the agreement of their checksums. */
    public abstract static class Bench<T extends Workload> {
        T tb;
        Path exe;

        abstract Design design();

        @Setup(Level.Trial)
        @SuppressWarnings("unchecked")
        public void open() {
            tb = (T) design().open();
            exe = NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
            long check = SimBenchMain.QUICK.get(design()).checkCycles();
            try (Workload fresh = design().open()) {
                SimBenchMain.checkSame(design(), exe, check, fresh.run(check));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            tb.close();
        }
    }

    @State(Scope.Thread)
    public static class Small extends Bench<SmallTestbench> {
        @Override Design design() { return Design.SMALL; }
    }

    @State(Scope.Thread)
    public static class Large extends Bench<MacTestbench> {
        @Override Design design() { return Design.LARGE; }
    }

    @State(Scope.Thread)
    public static class Lanes16 extends Bench<MacTestbench> {
        @Override Design design() { return Design.LANES16; }
    }

    @Benchmark
    @OperationsPerInvocation(SMALL_JAVA)
    public long javaSmall(Small s) { return s.tb.run(SMALL_JAVA); }

    @Benchmark
    @OperationsPerInvocation(SMALL_CPP)
    public long cppSmall(Small s) { return NativeBenchmark.runNative(s.exe, SMALL_CPP).checksum(); }

    @Benchmark
    @OperationsPerInvocation(LARGE_JAVA)
    public long javaLarge(Large s) { return s.tb.run(LARGE_JAVA); }

    @Benchmark
    @OperationsPerInvocation(LARGE_CPP)
    public long cppLarge(Large s) { return NativeBenchmark.runNative(s.exe, LARGE_CPP).checksum(); }

    @Benchmark
    @OperationsPerInvocation(LANES16_JAVA)
    public long javaLanes16(Lanes16 s) { return s.tb.run(LANES16_JAVA); }

    @Benchmark
    @OperationsPerInvocation(LANES16_CPP)
    public long cppLanes16(Lanes16 s) { return NativeBenchmark.runNative(s.exe, LANES16_CPP).checksum(); }
}
