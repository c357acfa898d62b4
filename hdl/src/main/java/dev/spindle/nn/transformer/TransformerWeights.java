package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.ModelFileException;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a {@link TransformerConfig} read from a model file and turned into the integers the hardware
 * holds: Keras layouts (the {@code .npz} of {@code ../shared/models}) or PyTorch layouts in {@code .safetensors}
 * ({@code <dense>.weight} (out, in); {@code <block>.mha.in_proj_weight} (3E, E) packing Q, K, V and
 * {@code <block>.mha.out_proj.weight} (E, E), with E = features = heads × dim). Each layer's declared quantizer is
 * applied first, then the nearest value of the weight format (ties to even); a value outside the format is an error
 * naming the file and the array unless the layer asks for saturation. A folded attention ({@link AttentionSpec#fold})
 * streams its folded arrays instead of its four projections ({@link AttentionFold}); the projections, as the
 * unfolded design would hold them, are kept beside them as sources (for calibration), outside the stream.
 */
public final class TransformerWeights {
    private final Map<String, QuantizedArray> arrays;
    private final Map<String, QuantizedArray> sources;

    private TransformerWeights(Map<String, QuantizedArray> arrays, Map<String, QuantizedArray> sources) {
        this.arrays = arrays;
        this.sources = sources;
    }

    /** The array {@code name} (Keras naming, e.g. {@code block0.mha.query.kernel}), streamed or a folded layer's source. */
    public QuantizedArray get(String name) {
        QuantizedArray a = arrays.containsKey(name) ? arrays.get(name) : sources.get(name);
        if (a == null) throw new IllegalArgumentException("no weight array '" + name + "' was loaded");
        return a;
    }

    /** All arrays in load order (the weight stream's order, docs/transformer.md). */
    public Map<String, QuantizedArray> arrays() { return arrays; }

    /**
     * The weight stream of the whole network: every array's raw values in load order (each array C order), the order
     * {@code Transformer}'s {@code io_weights} takes (docs/transformer.md, "Transformer").
     */
    public long[] streamWords() {
        int n = 0;
        for (QuantizedArray a : arrays.values()) n += a.raw().length;
        long[] words = new long[n];
        int at = 0;
        for (QuantizedArray a : arrays.values()) {
            System.arraycopy(a.raw(), 0, words, at, a.raw().length);
            at += a.raw().length;
        }
        return words;
    }

    /** The same arrays holding the raw values of the weight stream {@code words} (the inverse of {@link #streamWords}). */
    public TransformerWeights withStream(long[] words) {
        Map<String, QuantizedArray> out = new LinkedHashMap<>();
        int at = 0;
        for (QuantizedArray a : arrays.values()) {
            if (at + a.raw().length > words.length) throw new IllegalArgumentException("weight stream has " + words.length + " words, too few for " + a.name());
            out.put(a.name(), new QuantizedArray(a.name(), a.format(), a.shape(), Arrays.copyOfRange(words, at, at + a.raw().length)));
            at += a.raw().length;
        }
        if (at != words.length) throw new IllegalArgumentException("weight stream has " + words.length + " words, the network takes " + at);
        return new TransformerWeights(out, sources);
    }

    public static TransformerWeights load(TransformerConfig c, ArrayFile file) {
        Map<String, QuantizedArray> out = new LinkedHashMap<>();
        Map<String, QuantizedArray> sources = new LinkedHashMap<>();
        var shapes = Shapes.shapes(c.sequence(), c.features(), c.layers());
        for (int i = 0; i < c.layers().size(); i++) {
            int in = shapes.get(i).features();
            switch (c.layers().get(i)) {
                case DenseSpec d -> dense(file, d, in, out);
                case NormSpec n -> norm(file, n, in, out);
                case FlattenSpec f -> { }
                case BlockSpec b -> {
                    if (b.attention().folded()) {
                        Map<String, QuantizedArray> projections = new LinkedHashMap<>();
                        attention(file, b, in, projections);
                        sources.putAll(projections);
                        AttentionFold.fold(file, b, in, projections, out);
                    } else {
                        attention(file, b, in, out);
                    }
                    if (b.attentionNorm() != null) norm(file, b.attentionNorm(), in, out);
                    dense(file, b.ffn1(), in, out);
                    dense(file, b.ffn2(), b.ffn1().units(), out);
                    if (b.ffnNorm() != null) norm(file, b.ffnNorm(), in, out);
                }
            }
        }
        return new TransformerWeights(out, sources);
    }

    private static void dense(ArrayFile f, DenseSpec d, int in, Map<String, QuantizedArray> out) {
        String k = d.name() + ".kernel";
        double[] kernel;
        if (!f.has(k) && f.has(d.name() + ".weight")) {                  // PyTorch nn.Linear: (out, in)
            kernel = transpose(f.finite(d.name() + ".weight", d.units(), in), d.units(), in);
        } else {
            kernel = f.finite(k, in, d.units());
        }
        put(out, f, k, d.weights(), d.weights().weight(), new int[] {in, d.units()}, kernel);
        put(out, f, d.name() + ".bias", d.weights(), d.weights().bias(), new int[] {d.units()}, f.finite(d.name() + ".bias", d.units()));
    }

    private static void norm(ArrayFile f, NormSpec n, int features, Map<String, QuantizedArray> out) {
        String g = n.name() + (f.has(n.name() + ".gamma") || !f.has(n.name() + ".weight") ? ".gamma" : ".weight");
        String b = n.name() + (f.has(n.name() + ".beta") || !f.has(n.name() + ".bias") ? ".beta" : ".bias");
        put(out, f, n.name() + ".gamma", n.weights(), n.weights().weight(), new int[] {features}, f.finite(g, features));
        put(out, f, n.name() + ".beta", n.weights(), n.weights().bias(), new int[] {features}, f.finite(b, features));
    }

    private static void attention(ArrayFile f, BlockSpec b, int features, Map<String, QuantizedArray> out) {
        AttentionSpec a = b.attention();
        String p = b.name() + ".mha.";
        int h = a.heads();
        int dk = a.keyDim();
        int dv = a.valueDim();
        WeightFormat w = a.weights();
        if (!f.has(p + "query.kernel") && f.has(p + "in_proj_weight")) {   // PyTorch nn.MultiheadAttention
            if (dk != dv || h * dk != features) {
                throw ModelFileException.array(f.path(), p + "in_proj_weight", "PyTorch packing needs key_dim = value_dim = features / heads, got "
                        + h + " x " + dk + "/" + dv + " for " + features + " features");
            }
            double[] in = f.finite(p + "in_proj_weight", 3 * features, features);
            double[] inBias = f.finite(p + "in_proj_bias", 3 * features);
            String[] names = {"query", "key", "value"};
            for (int part = 0; part < 3; part++) {
                double[] kernel = new double[features * h * dk];
                for (int fi = 0; fi < features; fi++) {
                    for (int j = 0; j < h * dk; j++) kernel[fi * h * dk + j] = in[(part * features + j) * features + fi];
                }
                put(out, f, p + names[part] + ".kernel", w, w.weight(), new int[] {features, h, dk}, kernel);
                put(out, f, p + names[part] + ".bias", w, w.bias(), new int[] {h, dk},
                        Arrays.copyOfRange(inBias, part * features, (part + 1) * features));
            }
            double[] o = f.finite(p + "out_proj.weight", features, features);
            put(out, f, p + "attention_output.kernel", w, w.weight(), new int[] {h, dv, features}, transpose(o, features, features));
            put(out, f, p + "attention_output.bias", w, w.bias(), new int[] {features}, f.finite(p + "out_proj.bias", features));
            return;
        }
        for (String part : new String[] {"query", "key", "value"}) {
            int dim = part.equals("value") ? dv : dk;
            put(out, f, p + part + ".kernel", w, w.weight(), new int[] {features, h, dim}, f.finite(p + part + ".kernel", features, h, dim));
            put(out, f, p + part + ".bias", w, w.bias(), new int[] {h, dim}, f.finite(p + part + ".bias", h, dim));
        }
        put(out, f, p + "attention_output.kernel", w, w.weight(), new int[] {h, dv, features},
                f.finite(p + "attention_output.kernel", h, dv, features));
        put(out, f, p + "attention_output.bias", w, w.bias(), new int[] {features}, f.finite(p + "attention_output.bias", features));
    }

    static void put(Map<String, QuantizedArray> out, ArrayFile f, String name, WeightFormat wf, FixFormat format,
                            int[] shape, double[] values) {
        long[] raw = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = wf.quantizer() == null ? values[i] : wf.quantizer().apply(values[i]);
            double scaled = Math.rint(Math.scalb(v, format.fracBits()));
            if (scaled < format.minRaw() || scaled > format.maxRaw()) {
                if (!wf.saturate()) {
                    throw ModelFileException.array(f.path(), name, "element " + i + " = " + values[i] + " does not fit "
                            + format + " (range " + format.min() + ".." + format.max()
                            + "): widen the format or set \"saturate\": true for the layer");
                }
                scaled = Math.max(format.minRaw(), Math.min(format.maxRaw(), scaled));
            }
            raw[i] = (long) scaled;
        }
        out.put(name, new QuantizedArray(name, format, shape, raw));
    }

    private static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
        return t;
    }
}
