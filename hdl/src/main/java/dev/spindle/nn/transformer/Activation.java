package dev.spindle.nn.transformer;

/**
 * What follows a dense layer's affine map. SOFTMAX and SIGMOID turn logits into probabilities, ARGMAX into the
 * index of the largest logit (the lowest index on ties, as numpy's argmax): each ends a head.
 */
public enum Activation {
    NONE, RELU, GELU, SIGMOID, SOFTMAX, ARGMAX;

    public boolean probabilities() { return this == SIGMOID || this == SOFTMAX; }

    /** Whether this activation ends a head (nothing may follow it). */
    public boolean endsHead() { return probabilities() || this == ARGMAX; }
}
