package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;

/**
 * Bit-exact model of Keras {@code MultiHeadAttention} (self-attention) on T tokens (docs/transformer.md,
 * "MultiHeadAttention"). Per head: Q, K, V by {@link DenseModel}s into their formats; scores
 * {@code s = sat_S(rsh(Σ_d q·k · M, Fq+Fk+m-Fs))} where {@code M·2^-m = 1/sqrt(keyDim)} ({@code M = 1} and an
 * exact shift when keyDim is a power of 4, else {@code M = round(2^16/sqrt(keyDim))}, m = 16); masked scores (causal)
 * are the scores format's minimum; each query's row through the Softmax unit's model; context
 * {@code c = sat_C(rsh(Σ_s p·v, Fp+Fv-Fc))}; the output projection a {@link DenseModel} over the heads' contexts.
 * Folded ({@link AttentionSpec#fold}): the query is the folded projection, keys and values are the input tokens
 * (format {@code input}, every head), {@code M = 1, m = 0}, the output the folded output projection.
 */
public final class AttentionModel {
    private final AttentionSpec spec;
    private final int tokens;
    private final int features;
    private final FixFormat input;
    private final DenseModel q;
    private final DenseModel k;
    private final DenseModel v;
    private final DenseModel o;
    private final SoftmaxModel softmax;
    private final long scaleMul;
    private final int scaleShift;

    public AttentionModel(String block, AttentionSpec spec, FixFormat input, int tokens, int features, TransformerWeights w) {
        this.spec = spec;
        this.tokens = tokens;
        this.features = features;
        this.input = input;
        String p = block + ".mha.";
        softmax = new SoftmaxModel(new SoftmaxConfig(tokens, 1, spec.scores(), spec.probs(), spec.softmax()));
        if (spec.folded()) {        // keys and values are the tokens; the scale is in the folded query's weights
            q = new DenseModel(p + "folded_query", input, w.get(p + "folded_query.kernel"), w.get(p + "folded_query.bias"), spec.query(), false);
            k = null;
            v = null;
            o = new DenseModel(p + "folded_output", spec.context(), w.get(p + "folded_output.kernel"),
                    w.get(p + "folded_output.bias"), spec.output(), false);
            scaleMul = 1;
            scaleShift = 0;
            return;
        }
        q = new DenseModel(p + "query", input, w.get(p + "query.kernel"), w.get(p + "query.bias"), spec.query(), false);
        k = new DenseModel(p + "key", input, w.get(p + "key.kernel"), w.get(p + "key.bias"), spec.key(), false);
        v = new DenseModel(p + "value", input, w.get(p + "value.kernel"), w.get(p + "value.bias"), spec.value(), false);
        o = new DenseModel(p + "attention_output", spec.context(), w.get(p + "attention_output.kernel"),
                w.get(p + "attention_output.bias"), spec.output(), false);
        long[] scale = scale(spec.keyDim());
        scaleMul = scale[0];
        scaleShift = (int) scale[1];
    }

    /** {@code {M, m}} with {@code M·2^-m = 1/sqrt(dim)}: exact when dim is a power of 4. */
    public static long[] scale(int dim) {
        if (Long.bitCount(dim) == 1 && Raw.lead(dim) % 2 == 0) return new long[] {1, Raw.lead(dim) / 2};
        return new long[] {Math.round(65536 / Math.sqrt(dim)), 16};
    }

    /** {@code x}: tokens × features raw input; returns tokens × features raw output. */
    public long[] apply(long[] x) {
        boolean folded = spec.folded();
        int h = spec.heads();
        int dk = folded ? features : spec.keyDim();
        int dv = folded ? features : spec.valueDim();
        long[] qs = q.applyTokens(x, tokens);      // (T, h·dk)
        // folded: every head's keys and values are the token itself, (T, F) read as (T, h·F) with h = 1 below
        long[] ks = folded ? x : k.applyTokens(x, tokens);
        long[] vs = folded ? x : v.applyTokens(x, tokens);      // (T, h·dv)
        int kvHeads = folded ? 1 : h;
        FixFormat kf = folded ? input : spec.key(), vf = folded ? input : spec.value();
        FixFormat s = spec.scores();
        int shift = spec.query().fracBits() + kf.fracBits() + scaleShift - s.fracBits();
        int ctxShift = spec.probs().fracBits() + vf.fracBits() - spec.context().fracBits();
        long[] ctx = new long[tokens * h * dv];
        long[] row = new long[tokens];
        for (int head = 0; head < h; head++) {
            for (int t = 0; t < tokens; t++) {
                for (int u = 0; u < tokens; u++) {
                    if (spec.causal() && u > t) {
                        row[u] = s.minRaw();
                        continue;
                    }
                    long acc = 0;
                    for (int d = 0; d < dk; d++) acc += qs[(t * h + head) * dk + d] * ks[(u * kvHeads + head % kvHeads) * dk + d];
                    row[u] = Raw.sat(Raw.rsh(acc * scaleMul, shift), s);
                }
                long[] pr = softmax.apply(row);
                for (int d = 0; d < dv; d++) {
                    long acc = 0;
                    for (int u = 0; u < tokens; u++) acc += pr[u] * vs[(u * kvHeads + head % kvHeads) * dv + d];
                    ctx[(t * h + head) * dv + d] = Raw.sat(Raw.rsh(acc, ctxShift), spec.context());
                }
            }
        }
        return o.applyTokens(ctx, tokens);
    }

    public int features() { return features; }
}
