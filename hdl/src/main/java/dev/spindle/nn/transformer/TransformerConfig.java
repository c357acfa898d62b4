package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

import java.util.List;

/**
 * A whole network: the input ({@code sequence} tokens of {@code features} values in format {@code input}) and its
 * layers in order. One description is one bitstream: every shape, fixed-point format and parallelism is here, the
 * weights are loaded at run time. Read and written as JSON by {@link TransformerJson} (docs/transformer.md).
 */
public record TransformerConfig(String name, int sequence, int features, FixFormat input, List<LayerSpec> layers) {
    public TransformerConfig {
        Require.nonNull("name", name);
        Require.range("input.sequence", sequence, 1, 4096);
        Require.range("input.features", features, 1, 4096);
        Require.nonNull("input.format", input);
        Require.that(input.signed(), "input.format", "must be signed, got " + input);
        layers = List.copyOf(layers);
        Require.that(!layers.isEmpty(), "layers", "needs at least one layer");
        Shapes.infer(sequence, features, layers);     // shape errors name the layer
    }

    /** The shape of the network's output: one vector of this many values. */
    public int outputs() { return Shapes.infer(sequence, features, layers).getLast().size(); }
}
