package dev.spindle.nn.transformer;

import java.util.ArrayList;
import java.util.List;

/** Shape inference through the layers: (tokens, features) until a flatten, then one vector. */
final class Shapes {
    /** A tensor shape: {@code tokens} = 0 for a flat vector of {@code features} values. */
    record Shape(int tokens, int features) {
        int size() { return tokens == 0 ? features : tokens * features; }

        boolean flat() { return tokens == 0; }
    }

    /** The input shape of each layer, then the output shape. */
    static List<Shape> shapes(int sequence, int features, List<LayerSpec> layers) {
        List<Shape> out = new ArrayList<>();
        Shape s = new Shape(sequence, features);
        out.add(s);
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String where = "layers[" + i + "] (" + l.name() + ")";
            s = switch (l) {
                case DenseSpec d -> {
                    if (d.activation().endsHead() && i != layers.size() - 1) {
                        throw new IllegalArgumentException(where + ": activation " + d.activation().name().toLowerCase(java.util.Locale.ROOT)
                                + " ends a head: it must be the last layer");
                    }
                    if (d.activation() == Activation.SOFTMAX && !s.flat() && s.tokens() != 1) {
                        throw new IllegalArgumentException(where + ": a softmax head needs a flat input (add a flatten layer)");
                    }
                    yield new Shape(s.tokens(), d.activation() == Activation.ARGMAX ? 1 : d.units());
                }
                case NormSpec n -> s;
                case FlattenSpec f -> {
                    if (s.flat()) throw new IllegalArgumentException(where + ": flatten of an already flat vector");
                    yield new Shape(0, s.size());
                }
                case BlockSpec b -> {
                    if (s.flat()) throw new IllegalArgumentException(where + ": a transformer block needs (tokens, features), got a flat vector");
                    if (b.ffn2().units() != s.features()) {
                        throw new IllegalArgumentException(where + ": ffn dense2.units = " + b.ffn2().units()
                                + " must equal the block's features = " + s.features() + " (the residual add)");
                    }
                    yield s;
                }
            };
            out.add(s);
        }
        return out;
    }

    static List<Shape> infer(int sequence, int features, List<LayerSpec> layers) { return shapes(sequence, features, layers); }

    private Shapes() {}
}
