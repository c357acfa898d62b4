package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact model of a dense layer: {@code acc_j = Σ_i x_i·W_ij + b_j·2^(Fx+Fw-Fb)} exactly, then
 * {@code y_j = sat_Y(rsh(acc_j, Fx+Fw-Fy))} (round half up), then ReLU ({@code max(0, y)}) when asked. Error against
 * the float reference on the same (quantized) inputs and weights: at most {@code LSB_Y/2} where nothing saturates.
 */
public final class DenseModel {
    private final int in;
    private final int out;
    private final long[] w;      // (in, out), C order
    private final long[] b;
    private final FixFormat x;
    private final FixFormat y;
    private final int fw;
    private final int biasShift;
    private final boolean relu;

    public DenseModel(String name, FixFormat input, QuantizedArray kernel, QuantizedArray bias, FixFormat output, boolean relu) {
        this.in = kernel.raw().length / bias.raw().length;
        this.out = bias.raw().length;
        this.w = kernel.raw();
        this.b = bias.raw();
        this.x = input;
        this.y = output;
        this.fw = kernel.format().fracBits();
        this.biasShift = input.fracBits() + fw - bias.format().fracBits();
        this.relu = relu;
        if (biasShift < 0) {
            throw new IllegalArgumentException(name + ": bias format " + bias.format() + " has more fraction bits than input + weight ("
                    + input + " x " + kernel.format() + "): allowed at most " + (input.fracBits() + fw));
        }
        int accBits = input.width() + kernel.format().width() + Raw.clog2(in + 1L) + 1;
        if (accBits > 62) throw new IllegalArgumentException(name + ": accumulator of " + accBits + " bits: allowed at most 62");
    }

    public long[] apply(long[] xs) {
        long[] ys = new long[out];
        for (int j = 0; j < out; j++) {
            long acc = b[j] << biasShift;
            for (int i = 0; i < in; i++) acc += xs[i] * w[i * out + j];
            long v = Raw.sat(Raw.rsh(acc, x.fracBits() + fw - y.fracBits()), y);
            ys[j] = relu ? Math.max(0, v) : v;
        }
        return ys;
    }

    /** Applies the layer to each of {@code tokens} rows of {@code in} values. */
    public long[] applyTokens(long[] xs, int tokens) {
        long[] ys = new long[tokens * out];
        long[] row = new long[in];
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(xs, t * in, row, 0, in);
            System.arraycopy(apply(row), 0, ys, t * out, out);
        }
        return ys;
    }

    public int inputs() { return in; }

    public int outputs() { return out; }
}
