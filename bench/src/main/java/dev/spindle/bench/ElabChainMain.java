package dev.spindle.bench;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * One cold run, as a user's would be: {@code ElabChainMain N outDir} elaborates {@link ElabChain}, emits it and
 * writes the Verilog and manifest into {@code outDir}, then prints one line for {@code scripts/bench}:
 * <pre>elab_phases N=10000 jvm_start_s=0.05 elab_s=0.21 emit_s=0.12 write_s=0.02 peak_rss_mb=180 verilog_bytes=...</pre>
 * {@code jvm_start_s} is the time from the JVM's start to {@code main}; {@code peak_rss_mb} is the process's
 * peak resident set ({@code VmHWM} in {@code /proc/self/status}), read just before exit. The wall time of the
 * whole process is measured outside, by the script.
 */
public final class ElabChainMain {
    private ElabChainMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ElabChainMain N outDir");
            System.exit(2);
        }
        long t0 = System.nanoTime();
        double jvmStart = (System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3;
        int n = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        ElabChain.Config config = new ElabChain.Config(n);

        Elaborated<ElabChain> design = Spindle.elaborate(() -> new ElabChain(config));
        long t1 = System.nanoTime();
        VerilogOutput out = VerilogBackend.emit(design);
        long t2 = System.nanoTime();
        out.writeTo(dir);
        long t3 = System.nanoTime();

        long bytes = 0;
        for (String text : out.files().values()) bytes += text.length();
        System.out.println(String.format(Locale.ROOT,
                "elab_phases N=%d jvm_start_s=%.3f elab_s=%.3f emit_s=%.3f write_s=%.3f peak_rss_mb=%d verilog_bytes=%d",
                n, jvmStart, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, peakRssMb(), bytes));
    }

    /** VmHWM of this process in MB (-1 where /proc is missing). */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return Math.round(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no figure
        }
        return -1;
    }
}
