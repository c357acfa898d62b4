package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.transformer.Activation;
import dev.spindle.nn.transformer.DenseSpec;
import dev.spindle.nn.transformer.FlattenSpec;
import dev.spindle.nn.transformer.GeluVariant;
import dev.spindle.nn.transformer.LayerSpec;
import dev.spindle.nn.transformer.NormSpec;

import java.util.List;

/**
 * The stages {@link Transformer} and {@link TransformerBlock} chain: each takes a token (or vector) stream with its
 * format and returns the next, building the unit as a child of the component under construction. Units with
 * weights register their {@code io_weights} on the caller's {@link WeightBus} in the order the caller asks.
 */
final class NetworkStages {
    private NetworkStages() {}

    /** A stream of Vecs of raw values and the format they are in. */
    record Tensor(Stream<Vec<SInt>> stream, FixFormat format) {
        int lanes() { return stream.payload.size(); }
    }

    /** The {@link LinearConfig} of a dense layer on {@code inputs} values: the largest allowed parallelism at most the spec's. */
    static LinearConfig linearConfig(DenseSpec d, int inputs, FixFormat input) {
        int p = MultiHeadAttentionConfig.fit(LinearConfig.allowedParallelism(inputs, d.units()), d.parallelism());
        return new LinearConfig(inputs, d.units(), input, d.weights().weight(), d.weights().bias(), d.output(),
                d.activation() == Activation.RELU, p);
    }

    /**
     * The {@link LinearConfig} of a dense layer right after a flatten of {@code tokens} tokens of {@code features}
     * values when it can take them as they come ({@link LinearConfig#canStream}: every output at once, whole input
     * groups per token), so that no flatten is built; else null.
     */
    static LinearConfig streamedLinearConfig(DenseSpec d, int tokens, int features, FixFormat input) {
        LinearConfig c = linearConfig(d, tokens * features, input);
        return c.canStream(tokens) ? c.withInputBeats(tokens) : null;
    }

    /**
     * {@link #streamedLinearConfig} of the dense after layer {@code i} when layer {@code i} is a flatten followed by a
     * dense that can take the tokens as they come (then the flatten is skipped and the dense is layer {@code i + 1});
     * else null. What {@link Transformer} builds and {@link TransformerTiming} follows.
     */
    static LinearConfig streamedAfterFlatten(List<LayerSpec> layers, int i, int tokens,
                                             int features, FixFormat input) {
        return layers.get(i) instanceof FlattenSpec && i + 1 < layers.size()
                && layers.get(i + 1) instanceof DenseSpec next ? streamedLinearConfig(next, tokens, features, input) : null;
    }

    /** {@code x·W + b} (with a fused ReLU) and what follows it: a GELU, or a sigmoid, softmax or argmax head. */
    static Tensor dense(DenseSpec d, Tensor x, WeightBus bus) { return dense(d, linearConfig(d, x.lanes(), x.format()), x, bus); }

    /** {@link #dense(DenseSpec, Tensor, WeightBus)} on the Linear {@code c} ({@code x} its input beats). */
    static Tensor dense(DenseSpec d, LinearConfig c, Tensor x, WeightBus bus) {
        Linear lin = Hdl.child(() -> new Linear(c));
        lin.io.input.connectFrom(x.stream());
        bus.add(lin.io.weights, c.weightWords());
        Tensor y = new Tensor(lin.io.output, d.output());
        return switch (d.activation()) {
            case GELU, SIGMOID -> activation(y, activationConfig(d, d.units()));
            case SOFTMAX -> softmax(y, d.probs());
            case ARGMAX -> argmax(y);
            case NONE, RELU -> y;
        };
    }

    /** The {@link ActivationUnitConfig} of a dense layer's GELU or sigmoid on its {@code lanes} outputs. */
    static ActivationUnitConfig activationConfig(DenseSpec d, int lanes) {
        boolean sigmoid = d.activation() == Activation.SIGMOID;
        ActivationUnitConfig.Function f = sigmoid ? ActivationUnitConfig.Function.SIGMOID
                : d.gelu() == GeluVariant.TABLE ? ActivationUnitConfig.Function.GELU_TABLE : ActivationUnitConfig.Function.IGELU;
        return new ActivationUnitConfig(lanes, f, d.output(), sigmoid ? d.probs() : d.output());
    }

    static Tensor activation(Tensor x, ActivationUnitConfig c) {
        ActivationUnit unit = Hdl.child(() -> new ActivationUnit(c));
        unit.io.input.connectFrom(x.stream());
        return new Tensor(unit.io.output, c.output());
    }

    /** A softmax head's unit: one row of {@code lanes} logits a beat (EXP_TABLE). */
    static SoftmaxConfig headSoftmaxConfig(int lanes, FixFormat logits, FixFormat probs) {
        return new SoftmaxConfig(lanes, lanes, logits, probs, SoftmaxAlgorithm.EXP_TABLE);
    }

    /** The class index of each beat of logits: an {@link Argmax} head. */
    static Tensor argmax(Tensor x) {
        ArgmaxConfig c = ArgmaxConfig.of(x.lanes(), x.format());
        Argmax unit = Hdl.child(() -> new Argmax(c));
        unit.io.input.connectFrom(x.stream());
        return new Tensor(unit.io.output, c.output());
    }

    /** The Softmax unit over one beat of logits (a row of {@code lanes} values, as the model's softmax head). */
    static Tensor softmax(Tensor x, FixFormat probs) {
        SoftmaxConfig c = headSoftmaxConfig(x.lanes(), x.format(), probs);
        Softmax unit = Hdl.child(() -> new Softmax(c));
        unit.io.input.valid.assign(x.stream().valid);
        x.stream().ready.assign(unit.io.input.ready);
        unit.io.input.payload.last.assign(Hdl.True());
        for (int i = 0; i < x.lanes(); i++) unit.io.input.payload.fragment.get(i).assign(SFix.fromRaw(x.stream().payload.get(i), x.format()));
        int w = probs.width() + (probs.signed() ? 0 : 1);
        Stream<Vec<SInt>> out = new Stream<>(Vec.type(SInt.type(w), x.lanes())).named("probabilities");
        out.valid.assign(unit.io.output.valid);
        unit.io.output.ready.assign(out.ready);
        for (int i = 0; i < x.lanes(); i++) out.payload.get(i).assign(unit.io.output.payload.fragment.get(i).asBits().asUInt().resize(w).asSInt());
        return new Tensor(out, probs);
    }

    /** The LayerNorm unit of {@code n} on tokens of {@code x}; its weight port is returned through {@code ports}. */
    static Tensor layerNorm(NormSpec n, Tensor x, WeightBus bus) {
        LayerNormConfig c = layerNormConfig(n, x.lanes(), x.format());
        LayerNorm unit = Hdl.child(() -> new LayerNorm(c));
        unit.io.input.connectFrom(x.stream());
        bus.add(unit.io.weights, 2 * c.features());
        return new Tensor(unit.io.output, n.output());
    }

    /** The {@link LayerNormConfig} of {@code n} on tokens of {@code features} values in {@code input}. */
    static LayerNormConfig layerNormConfig(NormSpec n, int features, FixFormat input) {
        return new LayerNormConfig(features, input, n.weights().weight(), n.weights().bias(), n.normalized(), n.output(),
                n.epsilon(), n.rsqrtBits(), n.tableBits());
    }

    static Tensor flatten(Tensor x, int tokens) {
        FlattenConfig c = new FlattenConfig(tokens, x.lanes(), x.stream().payload.get(0).width());
        Flatten unit = Hdl.child(() -> new Flatten(c));
        unit.io.input.connectFrom(x.stream());
        return new Tensor(unit.io.output, x.format());
    }

    static Tensor residual(Tensor a, Tensor b, FixFormat out) {
        ResidualConfig c = new ResidualConfig(a.lanes(), a.format(), b.format(), out);
        Residual unit = Hdl.child(() -> new Residual(c));
        unit.io.a.connectFrom(a.stream());
        unit.io.b.connectFrom(b.stream());
        return new Tensor(unit.io.output, out);
    }
}
