package dev.spindle.nn.transformer;

import dev.spindle.modelfile.ArrayFile;

import java.util.Map;

/**
 * Folds an attention's four projections into the two a folded attention streams (docs/transformer.md, "Folded
 * attention"), from the projections as the unfolded design holds them (quantizer and weight format applied), in
 * {@code double}, then rounded to the fold's formats. With F features, heads h, key and value dims dk, dv, and
 * Keras layouts ({@code query.kernel} (F, h, dk), {@code attention_output.kernel} (h, dv, F)):
 *
 * <ul>
 *   <li>{@code <block>.mha.folded_query.kernel} (F, h, F): {@code M[f][h][g] = Σ_d Wq[f][h][d]·Wk[g][h][d] / √dk};</li>
 *   <li>{@code .folded_query.bias} (h, F): {@code u[h][g] = Σ_d bq[h][d]·Wk[g][h][d] / √dk};</li>
 *   <li>{@code <block>.mha.folded_output.kernel} (h, F, F): {@code N[h][f][g] = Σ_d Wv[f][h][d]·Wo[h][d][g]};</li>
 *   <li>{@code .folded_output.bias} (F): {@code c[g] = bo[g] + Σ_h Σ_d bv[h][d]·Wo[h][d][g]}.</li>
 * </ul>
 *
 * The score {@code (x_t·M_h + u_h)·x_s} differs from {@code q_t·k_s/√dk} by terms that depend on the query only,
 * which the row softmax cancels; the context {@code Σ_s p_s·x_s} through {@code N_h} plus {@code c} equals the
 * output projection of {@code Σ_s p_s·v_s} when the probabilities sum to 1.
 */
final class AttentionFold {
    private AttentionFold() {}

    static void fold(ArrayFile file, BlockSpec b, int features, Map<String, QuantizedArray> projections,
                     Map<String, QuantizedArray> out) {
        AttentionSpec a = b.attention();
        String p = b.name() + ".mha.";
        int f = features, h = a.heads(), dk = a.keyDim(), dv = a.valueDim();
        double[] wq = projections.get(p + "query.kernel").values(), bq = projections.get(p + "query.bias").values();
        double[] wk = projections.get(p + "key.kernel").values();
        double[] wv = projections.get(p + "value.kernel").values(), bv = projections.get(p + "value.bias").values();
        double[] wo = projections.get(p + "attention_output.kernel").values();
        double[] bo = projections.get(p + "attention_output.bias").values();
        double scale = 1 / Math.sqrt(dk);
        double[] m = new double[f * h * f], u = new double[h * f], n = new double[h * f * f], c = bo.clone();
        for (int head = 0; head < h; head++) {
            for (int g = 0; g < f; g++) {
                double ug = 0;
                for (int d = 0; d < dk; d++) ug += bq[head * dk + d] * wk[(g * h + head) * dk + d];
                u[head * f + g] = ug * scale;
                for (int i = 0; i < f; i++) {
                    double mig = 0, nig = 0;
                    for (int d = 0; d < dk; d++) mig += wq[(i * h + head) * dk + d] * wk[(g * h + head) * dk + d];
                    for (int d = 0; d < dv; d++) nig += wv[(i * h + head) * dv + d] * wo[(head * dv + d) * f + g];
                    m[(i * h + head) * f + g] = mig * scale;
                    n[(head * f + i) * f + g] = nig;
                }
                for (int d = 0; d < dv; d++) c[g] += bv[head * dv + d] * wo[(head * dv + d) * f + g];
            }
        }
        WeightFormat w = a.fold();
        TransformerWeights.put(out, file, p + "folded_query.kernel", w, w.weight(), new int[] {f, h, f}, m);
        TransformerWeights.put(out, file, p + "folded_query.bias", w, w.bias(), new int[] {h, f}, u);
        TransformerWeights.put(out, file, p + "folded_output.kernel", w, w.weight(), new int[] {h, f, f}, n);
        TransformerWeights.put(out, file, p + "folded_output.bias", w, w.bias(), new int[] {f}, c);
    }
}
