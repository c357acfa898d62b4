package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * A dense (fully connected) layer {@code y = act(x·W + b)}, applied to every token of a sequence or to a flat
 * vector. Arrays {@code <name>.kernel} (in, units) and {@code <name>.bias} (units). {@code output} is the format of
 * {@code x·W + b} after rounding and saturation (the logits for a SOFTMAX or SIGMOID head), {@code probs} the format
 * of the probabilities of a head (null otherwise); an ARGMAX head outputs one class index per token or vector, in
 * {@link #classFormat()}. {@code parallelism}: multipliers in use (1..in·units). {@code gelu}: how a GELU is computed (null for other
 * activations).
 */
public record DenseSpec(String name, int units, Activation activation, WeightFormat weights, FixFormat output,
                        FixFormat probs, int parallelism, GeluVariant gelu) implements LayerSpec {
    public DenseSpec {
        Require.nonNull("name", name);
        Require.range(name + ".units", units, 1, 4096);
        Require.nonNull(name + ".activation", activation);
        Require.nonNull(name + ".weights", weights);
        Require.nonNull(name + ".output", output);
        Require.that(output.signed(), name + ".output", "must be signed, got " + output);
        Require.range(name + ".output width", output.width(), 2, 32);
        if (activation.probabilities()) {
            Require.nonNull(name + ".probs (the probability format of a " + activation + " head)", probs);
        }
        Require.atLeast(name + ".parallelism", parallelism, 1);
        if (activation == Activation.GELU) Require.nonNull(name + ".gelu (table or igelu)", gelu);
        else gelu = null;
    }

    /** The format of this layer's results: the probabilities of a head, the class index of an argmax, else the output. */
    public FixFormat result() {
        if (activation.probabilities()) return probs;
        return activation == Activation.ARGMAX ? classFormat() : output;
    }

    /** An argmax's class index: an unsigned integer of {@code max(1, ceil(log2 units))} bits. */
    public FixFormat classFormat() {
        return FixFormat.unsigned(Math.max(1, 32 - Integer.numberOfLeadingZeros(units - 1)), 0);
    }
}
