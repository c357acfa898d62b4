package dev.spindle.cli;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.DType;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.transformer.Agreement;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.bench.TransformerSimulation;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code spindle sim transformer --arch FILE.json --model WEIGHTS --inputs X.npz [--outputs Y.npz] [--reference NAME]...
 * [--seed S]}: every sample of array {@code x} through the simulated network (weights through its weight stream,
 * random gaps and back-pressure), each output checked against the bit-exact model; {@code probs} (float64) and
 * {@code latency_cycles} (int64) to Y.npz; agreement with each reference array; the last line
 * {@code samples=N latency_cycles=L ii_cycles=I cycles=C mismatches=M cycles_per_s=X seed=S}.
 */
final class TransformerSimCommand {
    private TransformerSimCommand() {}

    static int run(TransformerArch arch, List<String> settings, Path inputs, Path outputs, List<String> references, long seed, Path waves) {
        if (inputs == null) throw new IllegalArgumentException("missing --inputs X.npz (array x: samples, sequence, features)");
        TransformerConfig c = arch.config(settings);
        TransformerWeights w = arch.weights(c, true);
        ArrayFile file = ArrayFile.read(inputs);
        NdArray x = file.array("x");
        if (x.shape().length != 3 || x.dim(1) != c.sequence() || x.dim(2) != c.features()) {
            throw new IllegalArgumentException(inputs + ": array 'x' has shape " + java.util.Arrays.toString(x.shape()) + ": expected (samples, "
                    + c.sequence() + ", " + c.features() + ") for " + c.name());
        }
        Map<String, NdArray> refs = new LinkedHashMap<>();
        for (String r : references) {
            if (!file.has(r)) throw new IllegalArgumentException(inputs + ": no reference array '" + r + "'");
            NdArray a = file.array(r);
            if (a.dim(0) < x.dim(0)) throw new IllegalArgumentException(inputs + ": reference '" + r + "' has " + a.dim(0) + " rows for " + x.dim(0) + " samples");
            refs.put(r, a);
        }
        int n = x.dim(0);
        System.out.printf("spindle: simulating %s on %d samples of %s (weights through io_weights, gaps %.0f%%, back-pressure %.0f%%) ...%n",
                c.name(), n, inputs, 100 * TransformerSimulation.GAP, 100 * TransformerSimulation.BACK_PRESSURE);
        var o = TransformerSimulation.run(c, w, x, n, seed, waves);
        var r = o.run();
        if (r.firstMismatch() != null) System.out.println("first mismatch: " + r.firstMismatch());
        System.out.printf("checked %d samples against the bit-exact model%n", n);
        var timing = dev.spindle.nn.TransformerTiming.of(c);
        System.out.printf("formula: latency %d cycles gap-free (first token taken to last output, the units' formulas), "
                + "%d multipliers, %d DSP48E2%n", timing.latency(), timing.multipliers(), timing.dsps());
        for (var e : refs.entrySet()) {
            double[][] rr = new double[n][];
            for (int s = 0; s < n; s++) rr[s] = e.getValue().slice(s).doubles();
            System.out.println("reference " + e.getKey() + ": " + Agreement.of(o.probs(), rr));
        }
        if (outputs != null) {
            int width = o.probs()[0].length;
            double[] flat = new double[n * width];
            for (int s = 0; s < n; s++) System.arraycopy(o.probs()[s], 0, flat, s * width, width);
            Map<String, NdArray> y = new LinkedHashMap<>();
            y.put("probs", NdArray.ofDoubles(DType.F64, new int[] {n, width}, flat));
            y.put("latency_cycles", NdArray.ofLongs(DType.I64, new int[] {n}, r.latencyCycles()));
            Npz.write(outputs, y);
            System.out.println("outputs: " + outputs);
        }
        if (waves != null) System.out.println("waves: " + waves);
        System.out.printf(Locale.ROOT, "samples=%d latency_cycles=%d ii_cycles=%d cycles=%d mismatches=%d cycles_per_s=%.0f seed=%d%n",
                n, r.medianLatency(), r.iiCycles(), r.cycles(), r.mismatches(), r.cyclesPerSecond(), seed);
        return r.mismatches() == 0 ? 0 : 1;
    }
}
