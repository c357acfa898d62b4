package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;
import dev.spindle.nn.transformer.BlockSpec;
import dev.spindle.nn.transformer.NormSpec;
import dev.spindle.nn.transformer.WeightFormat;

/**
 * Configuration of {@link TransformerBlock}: the description's block ({@link BlockSpec}: norm placement, FFN input,
 * attention, norms, FFN, residual format) on {@code tokens} tokens of {@code features} values in {@code input}.
 */
public record TransformerBlockConfig(BlockSpec block, int tokens, int features, FixFormat input) {
    /** Tokens the FFN's residual FIFO holds (the FFN works token by token, so this bounds only its throughput). */
    public static final int FFN_FIFO_DEPTH = 16;

    public TransformerBlockConfig {
        Require.nonNull("block", block);
        Require.range("tokens", tokens, 1, 4096);
        Require.range("features", features, 1, 4096);
        Require.nonNull("input", input);
        attention(block, tokens, features, input);          // the attention's own checks, with its part named
    }

    static MultiHeadAttentionConfig attention(BlockSpec b, int tokens, int features, FixFormat input) {
        boolean pre = b.norm() == BlockSpec.Placement.PRE;
        FixFormat attIn = pre && b.attentionNorm() != null ? b.attentionNorm().output() : input;
        try {
            return MultiHeadAttentionConfig.of(b.attention(), tokens, features, attIn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(b.name() + ".attention: " + e.getMessage(), e);
        }
    }

    /** The attention unit's configuration. */
    public MultiHeadAttentionConfig attention() { return attention(block, tokens, features, input); }

    /** Tokens the attention's residual FIFO holds: two sequences, so the next sample can enter while one is attended. */
    public int attentionFifoDepth() { return 2 * tokens + 2; }

    /** The block's output format: the FFN norm's output in post-norm, else the residual sum's. */
    public FixFormat output() {
        return block.norm() != BlockSpec.Placement.PRE && block.ffnNorm() != null ? block.ffnNorm().output() : block.residual();
    }

    /** Width of a weight-stream word: the widest weight or bias of any part. */
    public int wordWidth() {
        int w = attention().wordWidth();
        for (WeightFormat f : new WeightFormat[] {block.ffn1().weights(), block.ffn2().weights()}) {
            w = Math.max(w, Math.max(f.weight().width(), f.bias().width()));
        }
        for (NormSpec n : new NormSpec[] {block.attentionNorm(), block.ffnNorm()}) {
            if (n != null) w = Math.max(w, Math.max(n.weights().weight().width(), n.weights().bias().width()));
        }
        return w;
    }

    /** Words of one load: attention, attention norm, FFN dense1, dense2, FFN norm. */
    public long weightWords() {
        long n = attention().weightWords();
        n += 2L * features * ((block.attentionNorm() != null ? 1 : 0) + (block.ffnNorm() != null ? 1 : 0));
        int hidden = block.ffn1().units();
        n += (long) features * hidden + hidden + (long) hidden * features + features;
        return n;
    }
}
