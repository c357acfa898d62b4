package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * How a layer's float weights become the integers its memory holds: an optional QKeras quantizer, then the nearest
 * value of {@code weight} / {@code bias} (ties to even, as numpy rounds). A value outside the format is an error
 * naming the array unless {@code saturate} is set.
 */
public record WeightFormat(FixFormat weight, FixFormat bias, Quantizer quantizer, boolean saturate) {
    public WeightFormat {
        Require.nonNull("weight", weight);
        Require.nonNull("bias", bias);
        Require.that(weight.signed() && bias.signed(), "weight", "weight and bias formats must be signed (s<I>.<F>), got "
                + weight + " and " + bias);
        Require.range("weight width", weight.width(), 2, 27);
        Require.range("bias width", bias.width(), 2, 48);
    }
}
