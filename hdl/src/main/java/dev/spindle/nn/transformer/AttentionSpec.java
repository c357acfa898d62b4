package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;

/**
 * Keras {@code MultiHeadAttention} (self-attention, query = key = value input), {@code heads} × {@code keyDim} for
 * Q and K, {@code heads} × {@code valueDim} for V. Formats of every tensor: Q, K, V after their projections; the
 * scaled scores {@code Q·Kᵀ/√keyDim} (the softmax input); the probabilities; the context {@code P·V}; the output
 * projection. Arrays {@code <block>.mha.{query,key,value}.kernel} (features, heads, dim), {@code .bias} (heads, dim),
 * {@code <block>.mha.attention_output.kernel} (heads, valueDim, features), {@code .bias} (features).
 *
 * <p>{@code fold} (null: none) folds the projections on the host, at weight-load time (docs/transformer.md,
 * "Folded attention"): per head {@code Wq·Wkᵀ/√keyDim} and {@code Wv·Wo}, each features × features, in
 * {@code fold}'s formats, so the hardware's keys and values are the tokens themselves, its query the folded
 * projection (in {@code query}) and its context {@code P·x} (in {@code context}); {@code key} and {@code value} are
 * then unused. Exact in real arithmetic (the score terms it drops are constant along a softmax row); cheaper
 * whenever {@code features < keyDim}.
 */
public record AttentionSpec(int heads, int keyDim, int valueDim, boolean causal, WeightFormat weights,
                            FixFormat query, FixFormat key, FixFormat value, FixFormat scores, FixFormat probs,
                            FixFormat context, FixFormat output, SoftmaxAlgorithm softmax, int parallelism,
                            WeightFormat fold) {
    /** Without folding. */
    public AttentionSpec(int heads, int keyDim, int valueDim, boolean causal, WeightFormat weights, FixFormat query,
                         FixFormat key, FixFormat value, FixFormat scores, FixFormat probs, FixFormat context,
                         FixFormat output, SoftmaxAlgorithm softmax, int parallelism) {
        this(heads, keyDim, valueDim, causal, weights, query, key, value, scores, probs, context, output, softmax,
                parallelism, null);
    }

    /** Whether the projections are folded ({@link #fold} set). */
    public boolean folded() { return fold != null; }

    /** The formats of the arrays the hardware holds and the weight stream carries: the fold's when folded. */
    public WeightFormat streamedWeights() { return folded() ? fold : weights; }

    public AttentionSpec {
        Require.range("attention.heads", heads, 1, 64);
        Require.range("attention.key_dim", keyDim, 1, 1024);
        Require.range("attention.value_dim", valueDim, 1, 1024);
        Require.nonNull("attention.weights", weights);
        for (var f : new FixFormat[] {query, key, value, scores, context, output}) {
            Require.nonNull("attention formats", f);
            Require.that(f.signed(), "attention formats", "must be signed, got " + f);
            Require.range("attention format width (" + f + ")", f.width(), 2, 27);
        }
        Require.nonNull("attention.probs", probs);
        Require.nonNull("attention.softmax", softmax);
        Require.atLeast("attention.parallelism", parallelism, 1);
    }
}
