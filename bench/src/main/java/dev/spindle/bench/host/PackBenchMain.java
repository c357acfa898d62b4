package dev.spindle.bench.host;

import dev.spindle.nn.top.RowLayout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.List;

/**
 * {@code scripts/bench host}'s JMH part: runs {@link PackBench} and prints pack and unpack throughput on one core
 * in GB/s of bus beats, against the link's 12.5 GB/s (XDMA Gen3 x16 as seen). {@code --quick}: one warm-up and
 * three measured iterations of half a second. Last line: {@code host pack_gbs=<x> unpack_gbs=<y> link_gbs=12.5}.
 */
public final class PackBenchMain {
    private static final double LINK_GBS = 12.5;

    private PackBenchMain() {}

    public static void main(String[] args) throws RunnerException {
        boolean quick = List.of(args).contains("--quick");
        ChainedOptionsBuilder o = new OptionsBuilder().include(PackBench.class.getName() + "\\.").forks(1);
        if (quick) o = o.warmupIterations(1).warmupTime(TimeValue.milliseconds(500)).measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        Collection<RunResult> results = new Runner(o.build()).run();
        RowLayout[] l = PackBench.layouts();
        double pack = 0, unpack = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double opsPerS = r.getPrimaryResult().getScore();
            if (name.endsWith(".pack")) pack = opsPerS * PackBench.BATCH * l[0].bytesPerRow() / 1e9;
            if (name.endsWith(".unpack")) unpack = opsPerS * PackBench.BATCH * l[1].bytesPerRow() / 1e9;
        }
        System.out.printf("host: pack %.2f GB/s (%.1f ns a row of %d bytes), unpack %.2f GB/s (%.1f ns a row of %d bytes) on one core;"
                        + " link 12.5 GB/s (XDMA Gen3 x16): %s%n",
                pack, l[0].bytesPerRow() / pack, l[0].bytesPerRow(), unpack, l[1].bytesPerRow() / unpack, l[1].bytesPerRow(),
                Math.min(pack, unpack) >= LINK_GBS ? "one core keeps up with the link" : "one core is slower than the link");
        System.out.printf("host pack_gbs=%.2f unpack_gbs=%.2f link_gbs=%.1f%n", pack, unpack, LINK_GBS);
    }
}
