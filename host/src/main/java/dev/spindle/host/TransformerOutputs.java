package dev.spindle.host;

import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerReference;
import dev.spindle.nn.transformer.TransformerWeights;

import java.nio.file.Path;
import java.util.Map;

/** The transformer unit's outputs as {@code spindle run} writes them: {@code probs} (float64, samples × outputs). */
final class TransformerOutputs {
    private TransformerOutputs() {}

    /** Writes {@code probs} to {@code file} (when not null); returns the largest error against the float reference. */
    static double write(TransformerConfig c, TransformerWeights w, double[] x, long[][] raw, Path file) {
        FixFormat f = Transformer.outputFormat(c);
        int n = c.sequence() * c.features();
        int outputs = raw[0].length;
        double[] probs = new double[raw.length * outputs];
        var reference = new TransformerReference(c, w);
        double maxError = 0;
        for (int s = 0; s < raw.length; s++) {
            double[] ref = reference.apply(java.util.Arrays.copyOfRange(x, s * n, (s + 1) * n));
            for (int j = 0; j < outputs; j++) {
                probs[s * outputs + j] = f.toDouble(raw[s][j]);
                maxError = Math.max(maxError, Math.abs(probs[s * outputs + j] - ref[j]));
            }
        }
        if (file != null) Npz.write(file, Map.of("probs", NdArray.of(new int[] {raw.length, outputs}, probs)));
        return maxError;
    }
}
