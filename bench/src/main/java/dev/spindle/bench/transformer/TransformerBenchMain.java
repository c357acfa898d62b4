package dev.spindle.bench.transformer;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.nn.transformer.Agreement;
import dev.spindle.nn.transformer.Calibration;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerReference;
import dev.spindle.nn.transformer.TransformerWeights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code scripts/bench transformer}: the three shared trained models ({@code ../shared/models}, never copied into
 * the repository) through the bit-exact model of the descriptions in {@code examples/models}, against every
 * reference array of each samples file. Prints one row per (model, reference) and ends with one machine-readable
 * line per model: {@code transformer model=btag reference=qat_probs_float top_class=99.8 mean_abs_dp=0.00093 ...}.
 * Then the simulated hardware at each parallelism point ({@link TransformerRtlBench}), lines
 * {@code transformer_rtl model=... parallelism=... latency_cycles=... ii_cycles=... dsp=... depth=...}.
 * Arguments: {@code --quick} runs the first 200 samples of each model (100 through the RTL); {@code --no-rtl} the
 * bit-exact model only; {@code --no-estimate} the RTL without the Yosys estimate; {@code --only NAMES} (comma-separated
 * description names, e.g. {@code btag-folded}) the RTL points of those descriptions only.
 */
public final class TransformerBenchMain {
    record Shared(String name, String folder, String weights, String samples, List<String> references) {}

    static final List<Shared> MODELS = List.of(
            new Shared("btag", "btag_transformer", "btag_qat_weights.npz", "btag_synthetic_samples.npz",
                    List.of("qat_probs_float", "qat_probs_qkeras_emulated", "qat_probs_hls4ml_weights_float", "qat_probs_hls4ml_csim_ap_fixed_17_7")),
            new Shared("carengine", "carengine_transformer", "carengine_qat_weights.npz", "carengine_synthetic_samples.npz",
                    List.of("probs_hls4ml_weights_float", "probs_float", "probs_qkeras_emulated", "probs_hls4ml_csim_ap_fixed_17_7")),
            new Shared("ligo", "ligo_transformer", "ligo_qat_weights.npz", "ligo_synthetic_samples.npz",
                    List.of("probs_float", "probs_hls4ml_weights_float")));

    private TransformerBenchMain() {}

    public static void main(String[] args) {
        boolean quick = List.of(args).contains("--quick");
        Path shared = Path.of("..", "shared", "models");
        if (!Files.isDirectory(shared)) {
            System.err.println("bench: ../shared/models not found (run from the repository root next to shared/)");
            System.exit(2);
        }
        StringBuilder lines = new StringBuilder();
        System.out.printf("%-16s %-38s %8s %10s %10s %12s%n", "model", "reference", "samples", "top class", "mean |dp|", "max |dp|");
        for (Shared s : MODELS) {
            TransformerConfig c = TransformerJson.read(Path.of("examples", "models", s.name() + ".json"));
            Path folder = shared.resolve(s.folder());
            run(lines, s, s.name(), c, folder, quick);
            if (s.name().equals("btag")) {       // the acceptance point of spindle calibrate: its output used as it is
                TransformerConfig cal = Calibration.calibrate(c, ArrayFile.read(folder.resolve(s.weights())),
                        ArrayFile.read(folder.resolve(s.samples())), Integer.MAX_VALUE);
                Shared firstReference = new Shared(s.name(), s.folder(), s.weights(), s.samples(), s.references().subList(0, 1));
                run(lines, firstReference, "btag-calibrated", cal, folder, quick);
                // the same network with its attention folded (docs/transformer.md, "Folded attention")
                run(lines, firstReference, "btag-folded", TransformerJson.read(Path.of("examples", "models", "btag-folded.json")), folder, quick);
            }
        }
        if (!List.of(args).contains("--no-rtl")) {
            int only = List.of(args).indexOf("--only");
            List<String> names = only >= 0 && only + 1 < args.length ? List.of(args[only + 1].split(",")) : null;
            TransformerRtlBench.run(lines, MODELS, shared, quick, !List.of(args).contains("--no-estimate"), names);
        }
        System.out.println();
        System.out.print(lines);
    }

    private static void run(StringBuilder lines, Shared s, String label, TransformerConfig c, Path folder, boolean quick) {
        TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(folder.resolve(s.weights())));
        ArrayFile samples = ArrayFile.read(folder.resolve(s.samples()));
        NdArray x = samples.array("x");
        int n = quick ? Math.min(200, x.dim(0)) : x.dim(0);
        var model = new TransformerModel(c, w);
        var ref = new TransformerReference(c, w);
        double[][] out = new double[n][];
        double[][] fr = new double[n][];
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) out[i] = model.applyReal(x.slice(i).doubles());
        double modelS = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < n; i++) {
            long[] raw = model.quantizeInput(x.slice(i).doubles());
            double[] q = new double[raw.length];
            for (int j = 0; j < raw.length; j++) q[j] = c.input().toDouble(raw[j]);
            fr[i] = ref.apply(q);
        }
        row(lines, label, "(own float reference)", Agreement.of(out, fr), modelS, n);
        for (String r : s.references()) {
            if (!samples.has(r)) continue;
            NdArray ra = samples.array(r);
            double[][] rr = new double[n][];
            for (int i = 0; i < n; i++) rr[i] = ra.slice(i).doubles();
            row(lines, label, r, Agreement.of(out, rr), modelS, n);
        }
    }

    private static void row(StringBuilder lines, String model, String ref, Agreement a, double seconds, int n) {
        System.out.printf(Locale.ROOT, "%-16s %-38s %8d %9.1f%% %10.5f %12.5f%n", model, ref, a.samples(), a.topClassPercent(),
                a.meanAbsDiff(), a.maxAbsDiff());
        lines.append(String.format(Locale.ROOT, "transformer model=%s reference=%s samples=%d top_class=%.1f mean_abs_dp=%.5f max_abs_dp=%.5f model_samples_per_s=%.1f%n",
                model, ref.startsWith("(") ? "own_float" : ref, a.samples(), a.topClassPercent(), a.meanAbsDiff(), a.maxAbsDiff(), n / seconds));
    }
}
