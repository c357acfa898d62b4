package dev.spindle.design;

import dev.spindle.examples.Counter;
import dev.spindle.examples.Fifo;
import dev.spindle.nn.LayerNorm;
import dev.spindle.nn.LayerNormConfig;
import dev.spindle.nn.Linear;
import dev.spindle.nn.LinearConfig;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;

import java.util.List;

import static dev.spindle.hdl.FixFormat.parse;

/**
 * The designs of the {@code hdl} module. To add one, declare its entry here (or in a provider of your own, see
 * {@link DesignProvider}) and list it in {@link #designs()}; its testbench, if it has one, attaches from {@code sim}.
 */
public final class BuiltinDesigns implements DesignProvider {
    public static final Design<Counter.Config, Counter> COUNTER = new Design<>("counter",
            "wrapping counter with optional enable (ports io_enable, io_value)",
            Counter.Config.class, new Counter.Config(8, true), Counter::new);

    public static final Design<Fifo.Config, Fifo> FIFO = new Design<>("fifo",
            "stream FIFO with SpinalHDL StreamFifo ports (io_push_*, io_pop_*, io_occupancy)",
            Fifo.Config.class, new Fifo.Config(8, 16), Fifo::new);

    public static final Design<SoftmaxConfig, Softmax> SOFTMAX = new Design<>("softmax",
            "pipelined row softmax, bit-exact to SoftmaxModel (docs/softmax.md)",
            SoftmaxConfig.class, new SoftmaxConfig(64, 1, parse("s6.10"), parse("u1.8"), SoftmaxAlgorithm.EXP_TABLE), Softmax::new);

    public static final Design<LinearConfig, Linear> LINEAR = new Design<>("linear",
            "dense layer on a MAC array, weights written at run time through io_weights (docs/transformer.md)",
            LinearConfig.class, new LinearConfig(90, 32, parse("s7.10"), parse("s3.10"), parse("s3.10"), parse("s7.10"), true, 32),
            Linear::new);

    public static final Design<LayerNormConfig, LayerNorm> LAYERNORM = new Design<>("layernorm",
            "LayerNorm over a token's features, 1/sqrt by table + Newton, gamma/beta through io_weights (docs/transformer.md)",
            LayerNormConfig.class, new LayerNormConfig(4, parse("s7.10"), parse("s3.10"), parse("s3.10"), parse("s4.12"),
                    parse("s7.10"), 1e-6, 16, 6), LayerNorm::new);

    /**
     * A whole network from its JSON description: no defaults and no {@code --set} keys of its own (a
     * {@link TransformerConfig} is a list of layers); the CLI reads it with {@code --arch FILE.json}.
     */
    public static final Design<TransformerConfig, Transformer> TRANSFORMER = new Design<>("transformer",
            "a whole network from a JSON description (--arch FILE.json), weights through io_weights (docs/transformer.md)",
            TransformerConfig.class, null, Transformer::new);

    @Override
    public List<Design<?, ?>> designs() { return List.of(COUNTER, FIFO, SOFTMAX, LINEAR, LAYERNORM, TRANSFORMER); }
}
