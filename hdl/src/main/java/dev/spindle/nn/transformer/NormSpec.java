package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * LayerNorm over the feature axis: {@code y = (x - mean)/sqrt(var + epsilon)·gamma + beta}, population variance.
 * Arrays {@code <name>.gamma}, {@code <name>.beta} (features). {@code normalized}: format of
 * {@code (x - mean)/sqrt(var + epsilon)} before the scale; {@code output}: format of y. {@code rsqrtBits}: fraction bits
 * of the reciprocal square root (table plus one Newton step), {@code tableBits}: its table's index bits per octave pair.
 */
public record NormSpec(String name, double epsilon, WeightFormat weights, FixFormat normalized, FixFormat output,
                       int rsqrtBits, int tableBits) implements LayerSpec {
    public NormSpec {
        Require.nonNull("name", name);
        Require.that(epsilon >= 0 && Double.isFinite(epsilon), name + ".epsilon", "must be finite and >= 0, got " + epsilon);
        Require.nonNull(name + ".weights", weights);
        Require.nonNull(name + ".normalized", normalized);
        Require.nonNull(name + ".output", output);
        Require.that(normalized.signed() && output.signed(), name + ".output", "normalized and output formats must be signed");
        Require.range(name + ".rsqrtBits", rsqrtBits, 8, 20);
        Require.range(name + ".tableBits", tableBits, 2, 10);
    }
}
