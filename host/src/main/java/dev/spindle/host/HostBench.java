package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.top.RowLayout;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * {@code scripts/bench host}: the host's cost per inference over {@link SimLink} with the simulation's own time
 * left out (packing, buffer handling, the transfer thread's hand-offs, unpacking, the counter reads' Java side), for
 * several batch sizes, against the top's initiation interval at 250 MHz. Two figures: CPU time (the caller's
 * thread plus the accelerator's transfer thread, minus the CPU time the transfer thread spent simulating; what
 * decides whether one core keeps the top busy, and what a shared machine disturbs least; the JIT's and GC's own
 * threads are not counted) and wall time minus simulated wall time (which on a loaded machine also
 * counts the threads' waits for a core). Pack/unpack throughput per core is the JMH benchmark
 * {@code dev.spindle.bench.host.PackBench}.
 */
public final class HostBench {
    private HostBench() {}

    /** The accelerator's transfer thread (it runs the link calls, so the simulation, and the unpacking). */
    private static long transferThreadId() {
        for (Thread t : Thread.getAllStackTraces().keySet()) if (t.getName().startsWith("spindle-transfers-")) return t.threadId();
        throw new IllegalStateException("no spindle-transfers thread: the Accelerator's transfer thread was renamed?");
    }

    private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        AcceleratorTop.Config c = Accelerators.config("softmax", Map.of());
        c = c.withIdHash(Accelerators.idHash(c));
        AcceleratorUnit u = c.unit();
        RowLayout in = u.inputLayout(c.dataWidth());
        double iiNs = in.unitBeatsPerRow() * AcceleratorTop.PERIOD_NS;   // one row every unitBeatsPerRow cycles
        Random rnd = new Random(1);
        long[][] rows = new long[4096][in.length()];
        for (long[] r : rows) for (int i = 0; i < r.length; i++) r[i] = rnd.nextInt(1 << 14) - (1 << 13);

        System.out.printf("host: softmax top %s, %d-bit streams, II %.0f ns at 250 MHz%n", AcceleratorUnit.describe(u), c.dataWidth(), iiNs);
        try (SimLink link = SimLink.open(c, SimLink.Options.fast()); Accelerator acc = Accelerator.open(link, c)) {
            for (int batch : List.of(1, 16, 256)) {
                int n = quick ? Math.max(batch * 4, 512) : Math.max(batch * 16, 2048);
                Figures f = measure(acc, rows, batch, n, link::simNanos, link::simCpuNanos);
                System.out.printf("host: sim,     batch %4d: %7.0f ns CPU, %7.0f ns wall host cost per inference (simulation left out), "
                        + "submit allocates %.0f bytes per inference; II %.0f ns: %s%n", batch, f.cpu, f.wall, f.alloc, iiNs, verdict(f.cpu, iiNs));
                System.out.printf("host device=sim batch=%d cpu_ns_per_inference=%.0f wall_ns_per_inference=%.0f ii_ns=%.0f%n", batch, f.cpu, f.wall, iiNs);
            }
        }
        // The same host code against a device that answers at once: no simulation to subtract.
        try (InstantLink link = new InstantLink(c); Accelerator acc = Accelerator.open(link, c)) {
            for (int batch : List.of(1, 16, 256)) {
                int n = quick ? Math.max(batch * 64, 16_384) : Math.max(batch * 256, 65_536);
                Figures f = measure(acc, rows, batch, n, () -> 0, () -> 0);
                System.out.printf("host: instant, batch %4d: %7.0f ns CPU, %7.0f ns wall host cost per inference (a device that answers at once); "
                        + "II %.0f ns: %s%n", batch, f.cpu, f.wall, iiNs, verdict(f.cpu, iiNs));
                System.out.printf("host device=instant batch=%d cpu_ns_per_inference=%.0f wall_ns_per_inference=%.0f ii_ns=%.0f%n", batch, f.cpu, f.wall, iiNs);
            }
        }
    }

    private record Figures(double cpu, double wall, double alloc) {}

    /**
     * Host cost per inference of {@code n} rows in batches of {@code batch}, best of three measured passes after two
     * warm-up passes: CPU of the caller and the transfer thread, and wall time, each minus the simulation's share.
     */
    private static Figures measure(Accelerator acc, long[][] rows, int batch, int n, LongSupplier simWall, LongSupplier simCpu) {
        List<long[][]> batches = new ArrayList<>();
        for (int b = 0; b < n; b += batch) batches.add(Arrays.copyOfRange(rows, b % rows.length, b % rows.length + batch));
        long transferThread = transferThreadId();
        double bestCpu = Double.MAX_VALUE, bestWall = Double.MAX_VALUE, alloc = 0;
        for (int pass = 0; pass < 5; pass++) {
            long wall0 = simWall.getAsLong(), simCpu0 = simCpu.getAsLong();
            long cpu0 = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(transferThread);
            long alloc0 = THREADS.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            List<CompletableFuture<Accelerator.Result>> futures = new ArrayList<>(batches.size());
            for (long[][] b : batches) futures.add(acc.submit(b));
            long allocated = THREADS.getCurrentThreadAllocatedBytes() - alloc0;
            for (var f : futures) f.join();
            long wall = System.nanoTime() - t0 - (simWall.getAsLong() - wall0);
            long cpu = THREADS.getCurrentThreadCpuTime() + THREADS.getThreadCpuTime(transferThread) - cpu0 - (simCpu.getAsLong() - simCpu0);
            if (pass >= 2) {
                bestCpu = Math.min(bestCpu, (double) cpu / n);
                bestWall = Math.min(bestWall, (double) wall / n);
                alloc = (double) (allocated - 16L * batches.size()) / n;   // less the futures list's own slots
            }
        }
        return new Figures(bestCpu, bestWall, Math.max(0, alloc));
    }

    private static String verdict(double cpuNs, double iiNs) { return cpuNs <= iiNs ? "one core keeps the top busy" : "one core is too slow"; }
}
