package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;

/** The float reference: the numerically stable softmax in plain {@code double}, {@code exp(x - max) / sum}. */
public final class SoftmaxReference {
    private SoftmaxReference() {}

    public static double[] apply(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) max = Math.max(max, v);
        double[] p = new double[x.length];
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.exp(x[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < x.length; i++) p[i] /= sum;
        return p;
    }

    /** The softmax of the values that raw inputs of {@code format} stand for (the quantized inputs, exactly). */
    public static double[] applyRaw(long[] raw, FixFormat format) {
        double[] x = new double[raw.length];
        for (int i = 0; i < raw.length; i++) x[i] = format.toDouble(raw[i]);
        return apply(x);
    }
}
