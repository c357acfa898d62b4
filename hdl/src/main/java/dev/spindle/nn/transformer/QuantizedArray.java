package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/**
 * One weight array as the hardware holds it: the raw integers in {@code format}, and the real values they stand
 * for (what the float reference uses, so the bound between the two measures the arithmetic, not the weights).
 */
public record QuantizedArray(String name, FixFormat format, int[] shape, long[] raw) {
    public double value(int i) { return format.toDouble(raw[i]); }

    public double[] values() {
        double[] v = new double[raw.length];
        for (int i = 0; i < v.length; i++) v[i] = value(i);
        return v;
    }
}
