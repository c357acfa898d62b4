package dev.spindle.nn.transformer;

import dev.spindle.modelfile.DType;
import dev.spindle.modelfile.NdArray;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Weights made by the project itself for a {@link TransformerConfig}: every array in Keras layout and naming, drawn
 * from a seeded Gaussian of standard deviation {@code scale / sqrt(fan_in)} (biases {@code scale/4}), gammas around 1.
 * Tests and examples use these instead of trained models.
 */
public final class SeededWeights {
    private SeededWeights() {}

    public static Map<String, NdArray> of(TransformerConfig c, long seed, double scale) {
        Random rnd = new Random(seed);
        Map<String, NdArray> out = new LinkedHashMap<>();
        var shapes = Shapes.shapes(c.sequence(), c.features(), c.layers());
        for (int i = 0; i < c.layers().size(); i++) {
            int f = shapes.get(i).features();
            switch (c.layers().get(i)) {
                case DenseSpec d -> dense(out, rnd, scale, d.name(), f, d.units());
                case NormSpec n -> norm(out, rnd, n.name(), f);
                case FlattenSpec fl -> { }
                case BlockSpec b -> {
                    AttentionSpec a = b.attention();
                    String p = b.name() + ".mha.";
                    for (String part : new String[] {"query", "key", "value"}) {
                        int dim = part.equals("value") ? a.valueDim() : a.keyDim();
                        out.put(p + part + ".kernel", gauss(rnd, scale / Math.sqrt(f), f, a.heads(), dim));
                        out.put(p + part + ".bias", gauss(rnd, scale / 4, a.heads(), dim));
                    }
                    out.put(p + "attention_output.kernel", gauss(rnd, scale / Math.sqrt(a.heads() * a.valueDim()), a.heads(), a.valueDim(), f));
                    out.put(p + "attention_output.bias", gauss(rnd, scale / 4, f));
                    if (b.attentionNorm() != null) norm(out, rnd, b.attentionNorm().name(), f);
                    dense(out, rnd, scale, b.ffn1().name(), f, b.ffn1().units());
                    dense(out, rnd, scale, b.ffn2().name(), b.ffn1().units(), f);
                    if (b.ffnNorm() != null) norm(out, rnd, b.ffnNorm().name(), f);
                }
            }
        }
        return out;
    }

    private static void dense(Map<String, NdArray> out, Random rnd, double scale, String name, int in, int units) {
        out.put(name + ".kernel", gauss(rnd, scale / Math.sqrt(in), in, units));
        out.put(name + ".bias", gauss(rnd, scale / 4, units));
    }

    private static void norm(Map<String, NdArray> out, Random rnd, String name, int f) {
        double[] g = new double[f];
        for (int i = 0; i < f; i++) g[i] = 1 + 0.2 * rnd.nextGaussian();
        out.put(name + ".gamma", NdArray.ofDoubles(DType.F32, new int[] {f}, g));
        out.put(name + ".beta", gauss(rnd, 0.1, f));
    }

    private static NdArray gauss(Random rnd, double sd, int... shape) {
        int n = 1;
        for (int d : shape) n *= d;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (float) (sd * rnd.nextGaussian());
        return NdArray.ofDoubles(DType.F32, shape, v);
    }

    /** {@code count} seeded inputs of the config's shape, N(0, 1) rounded to the input format's LSB. */
    public static NdArray inputs(TransformerConfig c, int count, long seed) {
        Random rnd = new Random(seed);
        int n = c.sequence() * c.features();
        double[] v = new double[count * n];
        for (int i = 0; i < v.length; i++) v[i] = c.input().toDouble(c.input().fromDouble(rnd.nextGaussian()));
        return NdArray.ofDoubles(DType.F64, new int[] {count, c.sequence(), c.features()}, v);
    }
}
