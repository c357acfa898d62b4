package dev.spindle.bench.transformer;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.estimate.EstimateOptions;
import dev.spindle.estimate.PerModuleEstimate;
import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.nn.transformer.Agreement;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.bench.TransformerSimulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The RTL columns of {@code scripts/bench transformer}: each shared model's description at each parallelism point
 * ({@code defaults.parallelism} overridden, or as written) through the simulated hardware ({@link TransformerSimulation}:
 * weights through the weight stream, random gaps and back-pressure, every output against the bit-exact model), its
 * agreement with the first reference, median latency and II in cycles, simulation speed (samples per second of the simulated run itself: not elaboration, lint or the build), and the Yosys estimate
 * (LUT/FF/DSP/BRAM and logic depth) unless {@code estimate} is off.
 */
final class TransformerRtlBench {
    /**
     * A point: the shared model, its description ({@code examples/models/<arch>.json}) and the parallelism (null runs
     * the description as written).
     */
    record Point(String model, String arch, String parallelism) {
        Point(String model, String parallelism) { this(model, model, parallelism); }
    }

    static final List<Point> POINTS = List.of(
            new Point("btag", "64"), new Point("btag", "96"), new Point("btag", null), new Point("btag", "384"),
            new Point("btag", "btag-folded", "36"), new Point("btag", "btag-folded", null),
            new Point("carengine", null), new Point("ligo", null));

    private TransformerRtlBench() {}

    /**
     * The estimate columns: per module (each distinct module once, totals over every instance) with the fast
     * generic flow, because a flat {@code synth_xilinx} of the b-tag network does not finish on the shared machine
     * (docs/transformer.md, "Resources and logic depth", says what the fast flow counts). Prints the per-module
     * table (each unit's own logic and depth) before the point's row.
     */
    static ResourceEstimate estimate(TransformerConfig c) {
        var h = PerModuleEstimate.of(VerilogBackend.emit(BuiltinDesigns.TRANSFORMER.elaborate(c)), EstimateOptions.defaults().withFast(true));
        System.out.print(h.toTable());      // every unit's own logic and depth, as spindle estimate transformer prints them
        return h.total();
    }

    /** {@code only}: the description names whose points run (null: every point). */
    static void run(StringBuilder lines, List<TransformerBenchMain.Shared> models, Path shared, boolean quick, boolean estimate,
                    List<String> only) {
        System.out.printf("%n%-11s %-6s %-30s %7s %9s %9s %6s %6s %8s %8s %6s %6s %6s %6s %10s%n", "model", "par", "reference", "samples",
                "top class", "mean |dp|", "mism", "lat", "II", "LUT", "FF", "DSP", "BRAM", "depth", "samples/s");
        for (Point p : POINTS) {
            if (only != null && !only.contains(p.arch())) continue;
            TransformerBenchMain.Shared s = models.stream().filter(m -> m.name().equals(p.model())).findFirst().orElseThrow();
            Path arch = Path.of("examples", "models", p.arch() + ".json");
            TransformerConfig c = TransformerJson.read(arch, p.parallelism() == null ? Map.of() : Map.of("defaults.parallelism", p.parallelism()));
            Path folder = shared.resolve(s.folder());
            TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(folder.resolve(s.weights())));
            ArrayFile samples = ArrayFile.read(folder.resolve(s.samples()));
            NdArray x = samples.array("x");
            int n = quick ? Math.min(100, x.dim(0)) : x.dim(0);
            var o = TransformerSimulation.run(c, w, x, n, 1, null);
            String ref = s.references().getFirst();
            NdArray ra = samples.array(ref);
            double[][] rr = new double[n][];
            for (int i = 0; i < n; i++) rr[i] = ra.slice(i).doubles();
            Agreement a = Agreement.of(o.probs(), rr);
            ResourceEstimate e = estimate ? estimate(c) : null;
            var r = o.run();
            // The simulated run itself (weights, samples, the back-to-back repeat), not elaboration, lint or the build.
            double seconds = r.cycles() / r.cyclesPerSecond();
            String par = p.parallelism() == null ? "json" : p.parallelism();
            System.out.printf(Locale.ROOT, "%-11s %-6s %-30s %7d %8.1f%% %9.5f %6d %6d %8d %8s %6s %6s %6s %6s %10.1f%n", p.arch(), par, ref, n,
                    a.topClassPercent(), a.meanAbsDiff(), r.mismatches(), r.medianLatency(), r.iiCycles(),
                    e == null ? "-" : e.lut(), e == null ? "-" : e.ff(), e == null ? "-" : e.dsp(), e == null ? "-" : e.bram(),
                    e == null ? "-" : e.depth(), n / seconds);
            lines.append(String.format(Locale.ROOT, "transformer_rtl model=%s parallelism=%s reference=%s samples=%d top_class=%.1f mean_abs_dp=%.5f "
                            + "mismatches=%d latency_cycles=%d ii_cycles=%d lut=%s ff=%s dsp=%s bram=%s depth=%s samples_per_s=%.1f%n",
                    p.arch(), par, ref, n, a.topClassPercent(), a.meanAbsDiff(), r.mismatches(), r.medianLatency(), r.iiCycles(),
                    e == null ? "-" : e.lut(), e == null ? "-" : e.ff(), e == null ? "-" : e.dsp(), e == null ? "-" : e.bram(),
                    e == null ? "-" : e.depth(), n / seconds));
        }
    }
}
