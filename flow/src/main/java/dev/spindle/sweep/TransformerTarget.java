package dev.spindle.sweep;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.estimate.EstimateOptions;
import dev.spindle.estimate.PerModuleEstimate;
import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.TransformerTiming;
import dev.spindle.nn.transformer.Agreement;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.bench.TransformerSimulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code transformer} design in a sweep (docs/sweep.md, "The transformer"). A point's settings hold the
 * description and its data under reserved keys, {@code arch} (the JSON description, required), {@code model}
 * (weights; seeded ones when absent), {@code inputs} (an {@code .npz} whose {@code x} holds the samples; seeded ones
 * when absent), {@code samples} (how many, default {@value #DEFAULT_SAMPLES}) and {@code reference} (an array of
 * the inputs file to agree with); every other key overrides the description by dotted path
 * ({@code defaults.parallelism}, {@code layers.2.parallelism}), as {@code --set} does on {@code spindle sim
 * transformer}. The estimate is per module with the fast flow, as {@code spindle estimate transformer --fast}
 * (a flat {@code synth_xilinx} of a whole network does not finish in useful time); the simulation is
 * {@code spindle sim transformer}'s.
 */
final class TransformerTarget {
    static final String DESIGN = "transformer";
    static final int DEFAULT_SAMPLES = 100;
    private static final Set<String> RESERVED = Set.of("arch", "model", "inputs", "samples", "reference");

    private TransformerTarget() {}

    static TransformerConfig config(Map<String, String> settings) {
        String arch = settings.get("arch");
        if (arch == null) throw new IllegalArgumentException("the transformer design needs its description: --arch FILE.json (setting 'arch')");
        Map<String, String> overrides = new LinkedHashMap<>(settings);
        overrides.keySet().removeAll(RESERVED);
        try {
            return TransformerJson.read(Path.of(arch), overrides);
        } catch (dev.spindle.modelfile.ModelFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);      // the point's configuration is invalid
        }
    }

    static VerilogOutput emit(Map<String, String> settings) {
        return VerilogBackend.emit(BuiltinDesigns.TRANSFORMER.elaborate(config(settings)));
    }

    static ResourceEstimate estimate(VerilogOutput verilog) {
        return PerModuleEstimate.of(verilog, EstimateOptions.defaults().withFast(true)).total();
    }

    /**
     * What the point's results depend on besides its settings and Verilog: the contents of its weights and inputs
     * files, so that a file changed in place is measured again.
     */
    static String dataKey(Map<String, String> settings) {
        StringBuilder s = new StringBuilder();
        for (String k : new String[] {"model", "inputs"}) {
            String f = settings.get(k);
            if (f == null) continue;
            try {
                s.append(k).append('=').append(PointRunner.sha256(Files.readAllBytes(Path.of(f))));
            } catch (IOException e) {
                throw new IllegalArgumentException(k + " " + f + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        return s.toString();
    }

    static SweepTarget.Measured simulate(Map<String, String> settings, long seed) {
        TransformerConfig c = config(settings);
        int samples = settings.containsKey("samples") ? Integer.parseInt(settings.get("samples")) : DEFAULT_SAMPLES;
        if (samples < 1) throw new IllegalArgumentException("samples = " + samples + ": allowed at least 1");
        TransformerWeights w = settings.containsKey("model") ? TransformerWeights.load(c, ArrayFile.read(Path.of(settings.get("model"))))
                : seededWeights(c, seed);
        ArrayFile inputs = settings.containsKey("inputs") ? ArrayFile.read(Path.of(settings.get("inputs"))) : null;
        NdArray x = inputs != null ? inputs.array("x") : SeededWeights.inputs(c, samples, seed);
        int n = Math.min(samples, x.dim(0));
        var o = TransformerSimulation.run(c, w, x, n, seed, null);
        var r = o.run();
        var timing = TransformerTiming.of(c);
        var m = new LinkedHashMap<String, Number>();
        var units = new LinkedHashMap<String, String>();
        m.put("latency", r.medianLatency());
        m.put("latency_formula", timing.latency());
        m.put("ii", r.iiCycles());
        m.put("dsp_formula", timing.dsps());
        String ref = settings.get("reference");
        if (ref != null) {
            if (inputs == null) throw new IllegalArgumentException("reference '" + ref + "' needs --inputs X.npz holding it");
            NdArray a = inputs.array(ref);
            double[][] rr = new double[n][];
            for (int s = 0; s < n; s++) rr[s] = a.slice(s).doubles();
            Agreement g = Agreement.of(o.probs(), rr);
            m.put("top_class", g.topClassPercent());
            m.put("mean_abs_dp", g.meanAbsDiff());
            units.put("top_class", "%");
        }
        m.put("mismatches", r.mismatches());
        m.put("checked", n);
        m.put("cycles", r.cycles());
        m.put("cycles_per_s", Math.round(r.cyclesPerSecond()));
        units.put("latency", "cycles");
        units.put("latency_formula", "cycles");
        units.put("ii", "cycles");
        return new SweepTarget.Measured(m, units);
    }

    /** Weights seeded by the point's seed (the network's shape is all that matters for the hardware measures). */
    private static TransformerWeights seededWeights(TransformerConfig c, long seed) {
        try {
            Path f = Files.createTempFile("spindle-sweep-weights", ".npz");
            try {
                Npz.write(f, SeededWeights.of(c, seed, 1.0));
                return TransformerWeights.load(c, ArrayFile.read(f));
            } finally {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the seeded weights: " + e.getMessage(), e);
        }
    }
}
