package dev.spindle.nn;

import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.nn.NetworkStages.Tensor;
import dev.spindle.nn.transformer.Activation;
import dev.spindle.nn.transformer.BlockSpec;
import dev.spindle.nn.transformer.DenseSpec;
import dev.spindle.nn.transformer.FlattenSpec;
import dev.spindle.nn.transformer.LayerSpec;
import dev.spindle.nn.transformer.NormSpec;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.WeightFormat;

import java.util.List;

/**
 * A whole network from one {@link TransformerConfig} as one streaming design (docs/transformer.md, "Transformer"):
 * tokens in, probabilities (or whatever the last layer gives) out, bit for bit {@code TransformerModel}. Each layer
 * is its unit ({@link Linear}, {@link LayerNorm}, {@link ActivationUnit}, {@link Flatten}, {@link TransformerBlock},
 * the {@link Softmax} of a softmax head) and the units are chained by their streams, so samples follow one another
 * through the network.
 *
 * <p>Ports: {@code io_weights} (SInt words of {@link #wordWidth} bits, always ready: every layer's load in the
 * description's order, {@link #weightWords} words; docs/transformer.md gives the order), {@code io_input} (one token
 * a beat: a Vec of {@code features} raw values in the input format), {@code io_output} (a Vec of the network's
 * outputs a beat, raw in {@link #outputFormat}, a sign bit added to an unsigned format; one beat a sample after a
 * flatten, else one a token).
 */
public final class Transformer extends ConfiguredComponent<TransformerConfig> {
    public final TokenIo<Vec<SInt>> io;
    private final FixFormat outputFormat;
    private final long weightWords;

    public Transformer(TransformerConfig c) {
        super(c);
        FixFormat out = outputFormat(c);
        int outputs = flat(c) ? c.outputs() : lastFeatures(c);
        io = new TokenIo<>(wordWidth(c), TokenIo.rawLanes(c.input().width(), c.features()),
                TokenIo.rawLanes(out.width() + (out.signed() ? 0 : 1), outputs));
        outputFormat = out;
        WeightBus bus = new WeightBus();
        Tensor x = new Tensor(io.input, c.input());
        int features = c.features();
        List<LayerSpec> layers = c.layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            LinearConfig streamed = NetworkStages.streamedAfterFlatten(layers, i, c.sequence(), x.lanes(), x.format());
            if (streamed != null) {     // the dense takes the tokens as they come: no flatten
                x = NetworkStages.dense((DenseSpec) layers.get(++i), streamed, x, bus);
                features = x.lanes();
                continue;
            }
            switch (layer) {
                case DenseSpec d -> x = NetworkStages.dense(d, x, bus);
                case NormSpec n -> x = NetworkStages.layerNorm(n, x, bus);
                case FlattenSpec f -> x = NetworkStages.flatten(x, c.sequence());
                case BlockSpec b -> {
                    TransformerBlockConfig bc = new TransformerBlockConfig(b, c.sequence(), features, x.format());
                    TransformerBlock block = child(() -> new TransformerBlock(bc));
                    block.io.input.connectFrom(x.stream());
                    bus.add(block.io.weights, Math.toIntExact(bc.weightWords()));
                    x = new Tensor(block.io.output, bc.output());
                }
            }
            features = x.lanes();
        }
        io.output.connectFrom(x.stream());
        weightWords = bus.words();
        bus.drive(io.weights);
    }

    /** The format of the raw outputs (a softmax or sigmoid head's probabilities, else the last layer's output). */
    public FixFormat outputFormat() { return outputFormat; }

    /**
     * Cycles from a sample's first token taken to its last output beat taken, gap-free with the output always ready,
     * from the units' formulas ({@link TransformerTiming}).
     */
    public long latency() { return TransformerTiming.of(config()).latency(); }

    /** Words of one weight load. */
    public long weightWords() { return weightWords; }

    /** Width of a weight-stream word: the widest weight or bias format of any layer. */
    public static int wordWidth(TransformerConfig c) {
        int w = 2;
        for (LayerSpec l : c.layers()) {
            switch (l) {
                case DenseSpec d -> w = Math.max(w, width(d.weights()));
                case NormSpec n -> w = Math.max(w, width(n.weights()));
                case FlattenSpec f -> { }
                case BlockSpec b -> {
                    w = Math.max(w, Math.max(width(b.attention().streamedWeights()), Math.max(width(b.ffn1().weights()), width(b.ffn2().weights()))));
                    if (b.attentionNorm() != null) w = Math.max(w, width(b.attentionNorm().weights()));
                    if (b.ffnNorm() != null) w = Math.max(w, width(b.ffnNorm().weights()));
                }
            }
        }
        return w;
    }

    private static int width(WeightFormat f) { return Math.max(f.weight().width(), f.bias().width()); }

    /** What the last layer's raw values stand for (as {@code TransformerModel.outputFormat()}). */
    public static FixFormat outputFormat(TransformerConfig c) {
        FixFormat f = c.input();
        for (LayerSpec l : c.layers()) {
            f = switch (l) {
                case DenseSpec d -> d.result();
                case NormSpec n -> n.output();
                case FlattenSpec fl -> f;
                case BlockSpec b -> b.norm() != BlockSpec.Placement.PRE && b.ffnNorm() != null ? b.ffnNorm().output() : b.residual();
            };
        }
        return f;
    }

    private static boolean flat(TransformerConfig c) {
        for (LayerSpec l : c.layers()) if (l instanceof FlattenSpec) return true;
        return false;
    }

    private static int lastFeatures(TransformerConfig c) {
        int f = c.features();
        for (LayerSpec l : c.layers()) if (l instanceof DenseSpec d) f = d.activation() == Activation.ARGMAX ? 1 : d.units();
        return f;
    }
}
