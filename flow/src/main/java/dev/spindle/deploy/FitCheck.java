package dev.spindle.deploy;

import dev.spindle.estimate.EstimateOptions;
import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.estimate.YosysEstimator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Does the whole top fit the board's part? The Yosys estimate of the top (the XDMA IP a black box) plus the
 * IP's own footprint ({@link XdmaIp#footprint}), against the part's capacity under a utilisation ceiling.
 */
public final class FitCheck {
    /** The default ceiling: placement and routing get hard above about 80%. */
    public static final double DEFAULT_CEILING = 0.80;

    /** One resource: the design's estimate, the IP's footprint, and what the ceiling allows. */
    public record Row(String resource, double design, double xdma, double capacity, double allowed) {
        public double needed() { return design + xdma; }

        public boolean fits() { return needed() <= allowed; }

        public String text(double ceiling, String capacitySource) {
            return String.format(Locale.ROOT, "%s %s needed (%s design + %s XDMA IP) %s %s allowed (%.0f%% of %s, %s)",
                    resource, n(needed()), n(design), n(xdma), fits() ? "<=" : ">", n(allowed), ceiling * 100, n(capacity), capacitySource);
        }

        private static String n(double v) {
            return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
        }
    }

    /** The estimate and the comparison, resource by resource. */
    public record Report(Board board, double ceiling, ResourceEstimate estimate, List<Row> rows) {
        public boolean fits() { return rows.stream().allMatch(Row::fits); }

        public List<String> lines() {
            List<String> out = new ArrayList<>();
            for (Row r : rows) out.add(r.text(ceiling, board.capacity().source()));
            return out;
        }
    }

    private FitCheck() {}

    /**
     * Estimates and compares; throws a {@link DeployException} naming each resource that does not fit, with
     * what is needed and what is allowed.
     *
     * @param verilog the accelerator's Verilog and the generated top; {@code stub} the IP's ports-only stub
     */
    public static Report check(Board board, List<Path> verilog, Path stub, double ceiling, PrintStream progress) {
        if (!(ceiling > 0 && ceiling <= 1)) {
            throw new IllegalArgumentException("ceiling = " + ceiling + ": allowed (0, 1], a fraction of the part's capacity");
        }
        EstimateOptions options = new EstimateOptions(board.family(), board.family().equals("xcup"), List.of(stub));
        ResourceEstimate e = new YosysEstimator(progress).estimate(verilog, XdmaTop.MODULE, options);
        Report report = compare(board, ceiling, e);
        if (!report.fits()) {
            List<String> over = report.rows().stream().filter(r -> !r.fits()).map(r -> r.text(ceiling, board.capacity().source())).toList();
            throw new DeployException("the design does not fit " + board.title() + " (" + board.part() + "): "
                    + String.join("; ", over) + ". Make the design smaller, pick a larger board, or raise the ceiling (--ceiling)");
        }
        return report;
    }

    /** The comparison alone, for an estimate already made. */
    public static Report compare(Board board, double ceiling, ResourceEstimate e) {
        Capacity cap = board.capacity();
        Capacity ip = XdmaIp.footprint(board);
        List<Row> rows = List.of(
                row("LUT", e.lut(), ip.lut(), cap.lut(), ceiling),
                row("FF", e.ff(), ip.ff(), cap.ff(), ceiling),
                row("DSP", e.dsp(), ip.dsp(), cap.dsp(), ceiling),
                row("BRAM", e.bram(), ip.bram(), cap.bram(), ceiling),
                row("URAM", e.uram(), ip.uram(), cap.uram(), ceiling));
        return new Report(board, ceiling, e, rows);
    }

    private static Row row(String name, double design, double xdma, double capacity, double ceiling) {
        return new Row(name, design, xdma, capacity, Math.floor(capacity * ceiling));
    }
}
