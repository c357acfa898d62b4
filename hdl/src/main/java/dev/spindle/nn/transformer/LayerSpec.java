package dev.spindle.nn.transformer;

/** One layer of a {@link TransformerConfig}. */
public sealed interface LayerSpec permits DenseSpec, NormSpec, BlockSpec, FlattenSpec {
    /** The prefix of the layer's arrays in a weights file. */
    String name();
}
