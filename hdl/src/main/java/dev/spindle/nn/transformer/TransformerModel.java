package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The bit-exact model of a whole network: plain Java integer arithmetic, layer by layer, exactly what the hardware
 * computes (docs/transformer.md). {@link #apply} takes one sample's raw input (tokens × features, C order) and
 * returns the raw outputs; {@link #outputFormat()} says what they stand for.
 */
public final class TransformerModel {
    private final TransformerConfig config;
    private final List<UnaryOperator<long[]>> steps = new ArrayList<>();
    private FixFormat format;

    public TransformerModel(TransformerConfig c, TransformerWeights w) {
        this.config = c;
        var shapes = Shapes.shapes(c.sequence(), c.features(), c.layers());
        format = c.input();
        for (int i = 0; i < c.layers().size(); i++) {
            var shape = shapes.get(i);
            int tokens = shape.flat() ? 1 : shape.tokens();
            switch (c.layers().get(i)) {
                case DenseSpec d -> dense(d, w, tokens);
                case NormSpec n -> norm(n, w, tokens, shape.features());
                case FlattenSpec f -> { }
                case BlockSpec b -> block(b, w, tokens, shape.features());
            }
        }
    }

    public TransformerConfig config() { return config; }

    /** The format of the raw outputs (probabilities for a softmax or sigmoid head). */
    public FixFormat outputFormat() { return format; }

    /** The raw input of one sample: each value rounded to the input format (half up) and saturated. */
    public long[] quantizeInput(double[] x) {
        long[] raw = new long[x.length];
        for (int i = 0; i < x.length; i++) raw[i] = config.input().fromDouble(x[i]);
        return raw;
    }

    public long[] apply(long[] input) {
        long[] x = input;
        for (var s : steps) x = s.apply(x);
        return x;
    }

    /** The outputs of one sample as real numbers. */
    public double[] applyReal(double[] x) {
        long[] raw = apply(quantizeInput(x));
        double[] out = new double[raw.length];
        for (int i = 0; i < raw.length; i++) out[i] = format.toDouble(raw[i]);
        return out;
    }

    private void dense(DenseSpec d, TransformerWeights w, int tokens) {
        var m = new DenseModel(d.name(), format, w.get(d.name() + ".kernel"), w.get(d.name() + ".bias"), d.output(),
                d.activation() == Activation.RELU);
        steps.add(x -> m.applyTokens(x, tokens));
        format = d.output();
        if (d.activation() == Activation.GELU) steps.add(gelu(d));
        if (d.activation() == Activation.SOFTMAX) {
            var sm = new SoftmaxModel(new SoftmaxConfig(d.units(), 1, d.output(), d.probs(), SoftmaxAlgorithm.EXP_TABLE));
            steps.add(sm::apply);
            format = d.probs();
        } else if (d.activation() == Activation.SIGMOID) {
            var sg = new SigmoidModel(d.output(), d.probs());
            steps.add(x -> {
                long[] y = new long[x.length];
                for (int i = 0; i < x.length; i++) y[i] = sg.apply(x[i]);
                return y;
            });
            format = d.probs();
        } else if (d.activation() == Activation.ARGMAX) {
            steps.add(x -> argmax(x, d.units()));
            format = d.classFormat();
        }
    }

    /** The index of the largest of each {@code units} values, the lowest on ties (numpy's argmax). */
    public static long[] argmax(long[] x, int units) {
        long[] y = new long[x.length / units];
        for (int t = 0; t < y.length; t++) {
            int best = 0;
            for (int i = 1; i < units; i++) if (x[t * units + i] > x[t * units + best]) best = i;
            y[t] = best;
        }
        return y;
    }

    private void norm(NormSpec n, TransformerWeights w, int tokens, int features) {
        var m = new LayerNormModel(n, format, w.get(n.name() + ".gamma"), w.get(n.name() + ".beta"), features);
        steps.add(x -> m.applyTokens(x, tokens));
        format = n.output();
    }

    private UnaryOperator<long[]> normOp(NormSpec n, TransformerWeights w, FixFormat in, int tokens, int features) {
        if (n == null) return x -> x;
        var m = new LayerNormModel(n, in, w.get(n.name() + ".gamma"), w.get(n.name() + ".beta"), features);
        return x -> m.applyTokens(x, tokens);
    }

    private void block(BlockSpec b, TransformerWeights w, int tokens, int features) {
        FixFormat in = format;
        boolean pre = b.norm() == BlockSpec.Placement.PRE;
        var n1 = normOp(b.attentionNorm(), w, pre ? in : b.residual(), tokens, features);
        FixFormat attIn = pre && b.attentionNorm() != null ? b.attentionNorm().output() : in;
        var mha = new AttentionModel(b.name(), b.attention(), attIn, tokens, features, w);
        FixFormat aFmt = b.attention().output();
        FixFormat r1Fmt = !pre && b.attentionNorm() != null ? b.attentionNorm().output() : b.residual();
        FixFormat ffnIn = b.ffnInput() == BlockSpec.FfnInput.ATTENTION ? aFmt
                : pre && b.ffnNorm() != null ? b.ffnNorm().output() : r1Fmt;
        var n2 = normOp(b.ffnNorm(), w, pre ? r1Fmt : b.residual(), tokens, features);
        var d1 = new DenseModel(b.ffn1().name(), ffnIn, w.get(b.ffn1().name() + ".kernel"), w.get(b.ffn1().name() + ".bias"),
                b.ffn1().output(), b.ffn1().activation() == Activation.RELU);
        var d2 = new DenseModel(b.ffn2().name(), b.ffn1().output(), w.get(b.ffn2().name() + ".kernel"),
                w.get(b.ffn2().name() + ".bias"), b.ffn2().output(), false);
        UnaryOperator<long[]> act1 = b.ffn1().activation() == Activation.GELU ? gelu(b.ffn1()) : x -> x;
        FixFormat res = b.residual();
        FixFormat fFmt = b.ffn2().output();
        steps.add(x -> {
            long[] a = mha.apply(pre ? n1.apply(x) : x);
            long[] r1 = residual(x, in, a, aFmt, res);
            if (!pre) r1 = n1.apply(r1);
            long[] fIn = b.ffnInput() == BlockSpec.FfnInput.ATTENTION ? a : pre ? n2.apply(r1) : r1;
            long[] f = d2.applyTokens(act1.apply(d1.applyTokens(fIn, tokens)), tokens);
            long[] r2 = residual(r1, r1Fmt, f, fFmt, res);
            return pre ? r2 : n2.apply(r2);
        });
        format = !pre && b.ffnNorm() != null ? b.ffnNorm().output() : res;
    }

    /** GELU on every value of a dense layer's output, in its output format. */
    private static UnaryOperator<long[]> gelu(DenseSpec d) {
        var g = new GeluModel(d.output(), d.gelu());
        return x -> {
            long[] y = new long[x.length];
            for (int i = 0; i < x.length; i++) y[i] = g.apply(x[i]);
            return y;
        };
    }

    /** Residual add: each operand rounded (half up) to the sum's fraction bits, added, saturated. */
    public static long[] residual(long[] a, FixFormat fa, long[] b, FixFormat fb, FixFormat out) {
        long[] s = new long[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = Raw.sat(Raw.rsh(a[i], fa.fracBits() - out.fracBits()) + Raw.rsh(b[i], fb.fracBits() - out.fracBits()), out);
        }
        return s;
    }
}
