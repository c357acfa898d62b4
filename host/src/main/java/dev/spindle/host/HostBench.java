package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.top.RowLayout;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code scripts/bench host}: the host's cost per inference over {@link SimLink} with the simulation's own time
 * left out (packing, buffer handling, the transfer thread, unpacking, counter reads), for several batch sizes,
 * against the top's initiation interval at 250 MHz; and raw pack/unpack throughput on one core in GB/s against
 * the link's 12.5 GB/s (XDMA Gen3 x16). Plain timing loops with warm-up (not JMH).
 */
public final class HostBench {
    private HostBench() {}

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        AcceleratorTop.Config c = Accelerators.config("softmax", Map.of());
        AcceleratorUnit u = c.unit();
        RowLayout in = u.inputLayout(c.dataWidth()), out = u.outputLayout(c.dataWidth());
        double iiNs = in.unitBeatsPerRow() * AcceleratorTop.PERIOD_NS;   // one row a beatsPerRow cycles
        Random rnd = new Random(1);
        long[][] rows = new long[4096][in.length()];
        for (long[] r : rows) for (int i = 0; i < r.length; i++) r[i] = rnd.nextInt(1 << 14) - (1 << 13);

        // Pack/unpack throughput (bytes of bus beats per second).
        byte[] buf = new byte[rows.length * in.bytesPerRow()];
        int reps = quick ? 20 : 100;
        double packGbs = 0, unpackGbs = 0;
        for (int pass = 0; pass < 2; pass++) {   // the first pass warms up
            long t0 = System.nanoTime();
            for (int k = 0; k < reps; k++) for (int r = 0; r < rows.length; r++) in.pack(rows[r], buf, r * in.bytesPerRow());
            long t1 = System.nanoTime();
            long sink = 0;
            for (int k = 0; k < reps; k++) for (int r = 0; r < rows.length; r++) sink += out.unpack(buf, r * out.bytesPerRow(), false)[0];
            long t2 = System.nanoTime();
            packGbs = (double) reps * buf.length / (t1 - t0);
            unpackGbs = (double) reps * rows.length * out.bytesPerRow() / (t2 - t1) + (sink == 42 ? 1e-12 : 0);
        }
        System.out.printf("host: pack %.2f GB/s, unpack %.2f GB/s on one core (link: 12.5 GB/s, XDMA Gen3 x16)%n", packGbs, unpackGbs);

        try (SimLink link = SimLink.open(c, SimLink.Options.fast());
             Accelerator acc = Accelerator.open(link, c.withIdHash(Accelerators.idHash(c)))) {
            for (int batch : List.of(1, 16, 256)) {
                int n = quick ? Math.max(batch, 256) : Math.max(batch * 4, 1024);
                for (int pass = 0; pass < 2; pass++) {
                    long sim0 = link.simNanos();
                    long t0 = System.nanoTime();
                    var futures = new java.util.ArrayList<java.util.concurrent.CompletableFuture<Accelerator.Result>>();
                    for (int b = 0; b < n; b += batch) futures.add(acc.submit(java.util.Arrays.copyOfRange(rows, b % rows.length, b % rows.length + batch)));
                    for (var f : futures) f.join();
                    long wall = System.nanoTime() - t0;
                    long host = wall - (link.simNanos() - sim0);
                    if (pass == 1) {
                        double perInference = (double) host / n;
                        System.out.printf("host: batch %4d: %7.0f ns host cost per inference (simulation left out), II at 250 MHz %.0f ns: %s%n",
                                batch, perInference, iiNs, perInference <= iiNs ? "one core keeps the top busy" : "one core is too slow");
                        System.out.printf("host batch=%d ns_per_inference=%.0f ii_ns=%.0f%n", batch, perInference, iiNs);
                    }
                }
            }
        }
        System.out.printf("host pack_gbs=%.2f unpack_gbs=%.2f link_gbs=12.5%n", packGbs, unpackGbs);
    }
}
