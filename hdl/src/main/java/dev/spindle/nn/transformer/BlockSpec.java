package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * One transformer block. With {@code norm} POST: {@code x = N1(x + MHA(x)); x = N2(x + FFN(f))}; PRE:
 * {@code x = x + MHA(N1(x)); x = x + FFN(N2(x))}; NONE: no norms. Either norm may be absent (null) in POST and PRE.
 * {@code ffnInput} RESIDUAL feeds the FFN the residual sum (the usual block), ATTENTION the attention output (the
 * car-engine model: {@code x = (a + x) + FFN(a)}). The FFN is {@code ffn2(act(ffn1(.)))}, arrays
 * {@code <block>.ffn.dense1}, {@code <block>.ffn.dense2}; norms' arrays {@code <block>.<norm name>}. Residual sums
 * saturate to {@code residual}.
 */
public record BlockSpec(String name, Placement norm, FfnInput ffnInput, AttentionSpec attention, NormSpec attentionNorm,
                        DenseSpec ffn1, DenseSpec ffn2, NormSpec ffnNorm, FixFormat residual) implements LayerSpec {
    public enum Placement { NONE, PRE, POST }

    public enum FfnInput { RESIDUAL, ATTENTION }

    public BlockSpec {
        Require.nonNull("name", name);
        Require.nonNull(name + ".norm", norm);
        Require.nonNull(name + ".ffn_input", ffnInput);
        Require.nonNull(name + ".attention", attention);
        Require.nonNull(name + ".ffn dense1", ffn1);
        Require.nonNull(name + ".ffn dense2", ffn2);
        Require.nonNull(name + ".residual", residual);
        Require.that(residual.signed(), name + ".residual", "must be signed, got " + residual);
        if (norm == Placement.NONE) {
            Require.that(attentionNorm == null && ffnNorm == null, name + ".norm",
                    "is none but the block names a norm: set norm to pre or post, or remove attention_norm/ffn_norm");
        }
        Require.that(!ffn1.activation().endsHead() && !ffn2.activation().endsHead(), name + ".ffn",
                "activations must be none, relu or gelu");
        if (ffnInput == FfnInput.ATTENTION) {
            Require.that(norm != Placement.PRE, name + ".ffn_input", "attention is only defined for norm none or post");
        }
    }
}
