package dev.spindle.nn.transformer;

/** What follows a dense layer's affine map. SOFTMAX and SIGMOID turn logits into probabilities (a head's end). */
public enum Activation {
    NONE, RELU, GELU, SIGMOID, SOFTMAX;

    public boolean probabilities() { return this == SIGMOID || this == SOFTMAX; }
}
