package dev.spindle.estimate;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Estimates FPGA resources of emitted Verilog with Yosys {@code synth_xilinx}, and logic depth with a
 * generic 6-LUT mapping ({@link ResourceEstimate#depth()}). Each estimate runs in a fresh temporary directory,
 * deleted afterwards unless Yosys failed.
 */
public final class YosysEstimator {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    private final PrintStream progress;
    private final String step;

    /** Progress lines go to standard error. */
    public YosysEstimator() {
        this(System.err);
    }

    public YosysEstimator(PrintStream progress) {
        this(progress, "");
    }

    private YosysEstimator(PrintStream progress, String step) {
        this.progress = progress;
        this.step = step;
    }

    /** This estimator with {@code step} (such as {@code [3/18] }) after "spindle: " in its progress line. */
    YosysEstimator step(String step) {
        return new YosysEstimator(progress, step);
    }

    /** Estimates with {@link EstimateOptions#defaults()}. */
    public ResourceEstimate estimate(List<Path> verilog, String top) {
        return estimate(verilog, top, EstimateOptions.defaults());
    }

    /**
     * @param verilog the design's Verilog files (one module per file is fine; order does not matter)
     * @param top     the top module's name
     * @throws EstimateException if yosys is not on PATH or fails (the message quotes its ERROR lines)
     */
    public ResourceEstimate estimate(List<Path> verilog, String top, EstimateOptions options) {
        check(verilog, top, options);
        Yosys yosys = Yosys.onPath(System.getenv("PATH"));
        long start = System.nanoTime();
        progress.printf("spindle: %syosys %s %s (%s) ...", step, options.fast() ? "fast (generic 6-LUT flow)" : "synth_xilinx", top, options.family());
        progress.flush();
        Path dir = tempDir();
        boolean ok = false;
        try {
            if (options.fast()) {
                ResourceEstimate e = fast(yosys, dir, verilog, top, options, start);
                ok = true;
                progress.printf(Locale.ROOT, " done in %.1f s%n", e.seconds());
                return e;
            }
            run(yosys, dir, verilog, top, options);
            Map<String, Integer> cells = YosysOutput.cellsByType(read(dir.resolve(YosysScripts.STAT_JSON)));
            int depth = YosysOutput.depth(read(dir.resolve(YosysScripts.LTP_TXT)));
            double seconds = (System.nanoTime() - start) / 1e9;
            ok = true;
            progress.printf(Locale.ROOT, " done in %.1f s%n", seconds);
            int lutram = XilinxCells.lutMemory(cells);
            return new ResourceEstimate(
                    XilinxCells.lutLogic(cells) + lutram, XilinxCells.ff(cells), XilinxCells.dsp(cells),
                    XilinxCells.bram(cells), XilinxCells.uram(cells), XilinxCells.carry(cells), depth,
                    lutram, top, options.family(), cells, seconds);
        } finally {
            if (ok) deleteTree(dir);
            else progress.println(" failed");
        }
    }

    /**
     * Two Yosys processes at once: on two cores the depth pass (0.1 s on a small design, a tenth of
     * synth_xilinx on a 6,000-LUT one) hides behind synth_xilinx; in one process it would add to it.
     */
    private static void run(Yosys yosys, Path dir, List<Path> verilog, String top, EstimateOptions options) {
        String read = YosysScripts.read(verilog, options.blackboxes(), top);
        Yosys.Run depth = yosys.start(dir, "depth", read + YosysScripts.depth());
        try {
            yosys.start(dir, "synth_xilinx", read + YosysScripts.synthXilinx(top, options)).await();
        } catch (RuntimeException e) {
            depth.kill();
            throw e;
        }
        depth.await();
    }

    /** One generic run: depth from its ltp, resources from its netlist ({@link GenericCells}). */
    private static ResourceEstimate fast(Yosys yosys, Path dir, List<Path> verilog, String top, EstimateOptions options, long start) {
        yosys.start(dir, "fast", YosysScripts.read(verilog, options.blackboxes(), top) + YosysScripts.fast()).await();
        Map<String, Integer> generic = YosysOutput.cellsByType(read(dir.resolve(YosysScripts.GENERIC_JSON)));
        int depth = YosysOutput.depth(read(dir.resolve(YosysScripts.LTP_TXT)));
        int dsp = 0, halves = 0, lutram = 0;
        for (GenericCells.Cell c : GenericCells.parse(read(dir.resolve(YosysScripts.CELLS_TXT)))) {
            if (c.type().equals("$mul")) dsp += GenericCells.dsps(c);
            else {
                halves += GenericCells.bramHalves(c);
                lutram += GenericCells.lutRam(c);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new ResourceEstimate(GenericCells.luts(generic) + lutram, GenericCells.ffs(generic), dsp, halves / 2.0, 0, 0, depth,
                lutram, top, options.family(), generic, seconds);
    }

    private static void check(List<Path> verilog, String top, EstimateOptions options) {
        if (verilog.isEmpty()) throw new IllegalArgumentException("verilog: no files given");
        if (!IDENTIFIER.matcher(top).matches()) {
            throw new IllegalArgumentException("top = " + top + " is not a Verilog module name");
        }
        for (Path p : Stream.concat(verilog.stream(), options.blackboxes().stream()).toList()) {
            if (!Files.isRegularFile(p)) throw new EstimateException("verilog file not found: " + p);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("spindle-estimate-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new EstimateException("Yosys wrote no " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp directory is harmless.
        }
    }
}
