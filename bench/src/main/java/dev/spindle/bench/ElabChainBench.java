package dev.spindle.bench;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Elaboration ({@link Spindle#elaborate}: build, clock routing, checks) and emission
 * ({@link VerilogBackend#emit}: Verilog text and manifest, no file writes) of {@link ElabChain}, measured apart.
 * These are steady-state (warmed-up JIT) figures; {@link ElabChainMain} measures a fresh JVM. The fork uses the
 * serial collector, as the {@code spindle} launcher does, but keeps C2 (full optimization) so the figures show
 * the cost of the algorithms rather than of warming up. Run with {@code scripts/bench elab}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC", "-Xss8m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ElabChainBench {
    @Param({"1000", "10000", "50000"})
    public int n;

    private ElabChain.Config config;
    private Elaborated<ElabChain> design;

    @Setup
    public void setUp() {
        config = new ElabChain.Config(n);
        design = Spindle.elaborate(() -> new ElabChain(config));
    }

    @Benchmark
    public Elaborated<ElabChain> elaborate() {
        return Spindle.elaborate(() -> new ElabChain(config));
    }

    @Benchmark
    public VerilogOutput emit() {
        return VerilogBackend.emit(design);
    }
}
