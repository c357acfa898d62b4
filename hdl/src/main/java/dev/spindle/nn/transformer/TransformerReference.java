package dev.spindle.nn.transformer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * The float reference of a whole network: plain {@code double} math with the weights the hardware holds (their
 * real values), exact softmax, sigmoid, square root and no rounding. It imports nothing of the bit-exact model.
 */
public final class TransformerReference {
    private final List<UnaryOperator<double[]>> steps = new ArrayList<>();
    private final BiConsumer<String, double[]> probe;

    public TransformerReference(TransformerConfig c, TransformerWeights w) { this(c, w, (path, values) -> { }); }

    /**
     * A reference that reports every tensor it computes to {@code probe}, named by the JSON path of the format that
     * holds it ({@code layers[3].output}, {@code layers[0].attention.scores}, {@code layers[0].residual}, ...): what
     * {@link Calibration} measures.
     */
    public TransformerReference(TransformerConfig c, TransformerWeights w, BiConsumer<String, double[]> probe) {
        this.probe = probe;
        var shapes = Shapes.shapes(c.sequence(), c.features(), c.layers());
        for (int i = 0; i < c.layers().size(); i++) {
            var shape = shapes.get(i);
            int tokens = shape.flat() ? 1 : shape.tokens();
            int features = shape.features();
            String at = "layers[" + i + "]";
            switch (c.layers().get(i)) {
                case DenseSpec d -> steps.add(dense(d, w, tokens, at));
                case NormSpec n -> steps.add(norm(n, w, tokens, features, at));
                case FlattenSpec f -> { }
                case BlockSpec b -> steps.add(block(b, w, tokens, features, at));
            }
        }
    }

    /** The network's outputs for one sample (tokens × features, C order), from the real input values. */
    public double[] apply(double[] x) {
        probe.accept("input.format", x);
        double[] v = x;
        for (var s : steps) v = s.apply(v);
        return v;
    }

    private UnaryOperator<double[]> dense(DenseSpec d, TransformerWeights w, int tokens, String at) {
        var lin = linear(w, d.name(), Activation.NONE);
        return x -> {
            double[] y = see(at + ".output", perToken(x, tokens, lin));
            if (d.activation() == Activation.RELU || d.activation() == Activation.GELU) y = activate(y, d.activation());
            return switch (d.activation()) {
                case SOFTMAX -> softmax(y);
                case SIGMOID -> {
                    double[] s = new double[y.length];
                    for (int i = 0; i < y.length; i++) s[i] = 1 / (1 + Math.exp(-y[i]));
                    yield s;
                }
                case ARGMAX -> argmax(y, d.units());
                default -> y;
            };
        };
    }

    /** The index of the largest of each {@code units} values (the lowest on ties), as a real number. */
    private static double[] argmax(double[] y, int units) {
        return IntStream.range(0, y.length / units)
                .mapToDouble(t -> IntStream.range(t * units, (t + 1) * units)
                        .reduce((a, b) -> y[b] > y[a] ? b : a).getAsInt() - t * units)
                .toArray();
    }

    private double[] see(String path, double[] v) {
        probe.accept(path, v);
        return v;
    }

    private static double[] activate(double[] y, Activation act) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = act == Activation.RELU ? Math.max(0, y[i]) : 0.5 * y[i] * (1 + erf(y[i] / Math.sqrt(2)));
        }
        return out;
    }

    private static UnaryOperator<double[]> linear(TransformerWeights w, String name, Activation act) {
        double[] k = w.get(name + ".kernel").values();
        double[] b = w.get(name + ".bias").values();
        int out = b.length;
        int in = k.length / out;
        return x -> {
            double[] y = new double[out];
            for (int j = 0; j < out; j++) {
                double acc = b[j];
                for (int i = 0; i < in; i++) acc += x[i] * k[i * out + j];
                y[j] = switch (act) {
                    case RELU -> Math.max(0, acc);
                    case GELU -> 0.5 * acc * (1 + erf(acc / Math.sqrt(2)));
                    default -> acc;
                };
            }
            return y;
        };
    }

    private UnaryOperator<double[]> norm(NormSpec n, TransformerWeights w, int tokens, int features, String at) {
        if (n == null) return x -> x;
        double[] g = w.get(n.name() + ".gamma").values();
        double[] be = w.get(n.name() + ".beta").values();
        return x -> perToken(x, tokens, row -> {
            double mean = 0;
            for (double v : row) mean += v;
            mean /= features;
            double var = 0;
            for (double v : row) var += (v - mean) * (v - mean);
            var /= features;
            double inv = 1 / Math.sqrt(var + n.epsilon());
            double[] z = new double[features];
            double[] y = new double[features];
            for (int i = 0; i < features; i++) {
                z[i] = (row[i] - mean) * inv;
                y[i] = z[i] * g[i] + be[i];
            }
            see(at + ".normalized", z);
            return see(at + ".output", y);
        });
    }

    private UnaryOperator<double[]> block(BlockSpec b, TransformerWeights w, int tokens, int features, String at) {
        boolean pre = b.norm() == BlockSpec.Placement.PRE;
        var n1 = norm(b.attentionNorm(), w, tokens, features, at + ".attention_norm");
        var n2 = norm(b.ffnNorm(), w, tokens, features, at + ".ffn_norm");
        var mha = attention(b, w, tokens, features, at + ".attention");
        var d1 = linear(w, b.ffn1().name(), Activation.NONE);
        var d2 = linear(w, b.ffn2().name(), Activation.NONE);
        return x -> {
            double[] a = mha.apply(pre ? n1.apply(x) : x);
            double[] r1 = see(at + ".residual", add(x, a));
            if (!pre) r1 = n1.apply(r1);
            double[] fIn = b.ffnInput() == BlockSpec.FfnInput.ATTENTION ? a : pre ? n2.apply(r1) : r1;
            double[] h = activate(see(at + ".ffn.hidden_format", perToken(fIn, tokens, d1)), b.ffn1().activation());
            double[] f = see(at + ".ffn.output", perToken(h, tokens, d2));
            double[] r2 = see(at + ".residual", add(r1, f));
            return pre ? r2 : n2.apply(r2);
        };
    }

    private UnaryOperator<double[]> attention(BlockSpec b, TransformerWeights w, int tokens, int features, String at) {
        AttentionSpec s = b.attention();
        String p = b.name() + ".mha.";
        // folded (AttentionFold): the folded query, keys and values the tokens themselves (every head), no scale
        boolean folded = s.folded();
        var q = linear(w, p + (folded ? "folded_query" : "query"), Activation.NONE);
        var k = folded ? null : linear(w, p + "key", Activation.NONE);
        var v = folded ? null : linear(w, p + "value", Activation.NONE);
        var o = linear(w, p + (folded ? "folded_output" : "attention_output"), Activation.NONE);
        int h = s.heads();
        int dk = folded ? features : s.keyDim();
        int dv = folded ? features : s.valueDim();
        int kvHeads = folded ? 1 : h;
        double scale = folded ? 1 : 1 / Math.sqrt(dk);
        return x -> {
            double[] qs = see(at + ".query", perToken(x, tokens, q));
            double[] ks = folded ? x : see(at + ".key", perToken(x, tokens, k));
            double[] vs = folded ? x : see(at + ".value", perToken(x, tokens, v));
            double[] ctx = new double[tokens * h * dv];
            for (int head = 0; head < h; head++) {
                for (int t = 0; t < tokens; t++) {
                    double[] row = new double[tokens];
                    for (int u = 0; u < tokens; u++) {
                        double acc = 0;
                        for (int d = 0; d < dk; d++) acc += qs[(t * h + head) * dk + d] * ks[(u * kvHeads + head % kvHeads) * dk + d];
                        row[u] = s.causal() && u > t ? Double.NEGATIVE_INFINITY : acc * scale;
                    }
                    see(at + ".scores", maskedOut(row));
                    double[] pr = softmax(row);
                    for (int d = 0; d < dv; d++) {
                        double acc = 0;
                        for (int u = 0; u < tokens; u++) acc += pr[u] * vs[(u * kvHeads + head % kvHeads) * dv + d];
                        ctx[(t * h + head) * dv + d] = acc;
                    }
                }
            }
            see(at + ".context", ctx);
            return see(at + ".output", perToken(ctx, tokens, o));
        };
    }

    /** The finite scores of a row (masked ones are -infinity and are not a range to calibrate). */
    private static double[] maskedOut(double[] row) {
        return java.util.Arrays.stream(row).filter(Double::isFinite).toArray();
    }

    static double[] softmax(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double sum = 0;
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) sum += e[i] = Math.exp(x[i] - max);
        for (int i = 0; i < x.length; i++) e[i] /= sum;
        return e;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i];
        return s;
    }

    private static double[] perToken(double[] x, int tokens, UnaryOperator<double[]> f) {
        int in = x.length / tokens;
        double[] first = null;
        double[] out = null;
        for (int t = 0; t < tokens; t++) {
            double[] y = f.apply(java.util.Arrays.copyOfRange(x, t * in, t * in + in));
            if (out == null) {
                first = y;
                out = new double[tokens * y.length];
            }
            System.arraycopy(y, 0, out, t * first.length, y.length);
        }
        return out;
    }

    /** erf by Abramowitz-Stegun 7.1.26 is too coarse for a reference; this is the series/continued-fraction pair. */
    public static double erf(double x) {
        double t = Math.abs(x);
        double r;
        if (t < 2.5) {
            double sum = 0, term = t;
            for (int n = 0; n < 60; n++) {
                sum += term / (2 * n + 1);
                term *= -t * t / (n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double cf = 0;
            for (int n = 60; n >= 1; n--) cf = n / 2.0 / (t + cf);
            r = 1 - Math.exp(-t * t) / Math.sqrt(Math.PI) / (t + cf);
        }
        return Math.copySign(r, x);
    }
}
