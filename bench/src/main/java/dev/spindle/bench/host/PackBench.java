package dev.spindle.bench.host;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.top.RowLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The host's row packing and unpacking ({@link RowLayout#pack}, {@link RowLayout#unpack}) on one core: a batch of
 * {@value #BATCH} rows of the default softmax top (what {@code Accelerator.submit} does to a batch) between Java
 * {@code long[]} rows and page-aligned native memory, as bus beats. One operation is one batch; {@link PackBenchMain}
 * turns operations per second into GB/s of bus beats and compares them with the link's 12.5 GB/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PackBench {
    public static final int BATCH = 256;

    private RowLayout in, out;
    private long[][] rows, results;
    private Arena arena;
    private MemorySegment request, response;

    /** The default softmax top's input and output layouts. */
    public static RowLayout[] layouts() {
        AcceleratorTop.Config c = Accelerators.config("softmax", Map.of());
        return new RowLayout[] {c.unit().inputLayout(c.dataWidth()), c.unit().outputLayout(c.dataWidth())};
    }

    @Setup(Level.Trial)
    public void setUp() {
        RowLayout[] l = layouts();
        in = l[0];
        out = l[1];
        Random rnd = new Random(1);
        rows = new long[BATCH][in.length()];
        for (long[] r : rows) for (int i = 0; i < r.length; i++) r[i] = rnd.nextInt(1 << 16) - (1 << 15);
        results = new long[BATCH][out.length()];
        arena = Arena.ofConfined();
        request = arena.allocate((long) BATCH * in.bytesPerRow(), 4096);
        response = arena.allocate((long) BATCH * out.bytesPerRow(), 4096);
        for (int r = 0; r < BATCH; r++) out.pack(rows[r], response, (long) r * out.bytesPerRow());
    }

    @TearDown(Level.Trial)
    public void tearDown() { arena.close(); }

    @Benchmark
    public MemorySegment pack() {
        long bytes = in.bytesPerRow();
        for (int r = 0; r < BATCH; r++) in.pack(rows[r], request, r * bytes);
        return request;
    }

    @Benchmark
    public long[][] unpack() {
        long bytes = out.bytesPerRow();
        for (int r = 0; r < BATCH; r++) out.unpack(response, r * bytes, false, results[r]);
        return results;
    }
}
