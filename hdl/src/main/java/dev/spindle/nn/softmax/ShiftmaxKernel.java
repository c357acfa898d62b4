package dev.spindle.nn.softmax;

import static dev.spindle.nn.softmax.SoftmaxMath.floorPow2Div;
import static dev.spindle.nn.softmax.SoftmaxMath.roundShr;
import static dev.spindle.nn.softmax.SoftmaxMath.shr;

/** The SHIFTMAX row arithmetic (I-ViT Shiftmax; docs/softmax.md, "SHIFTMAX"); integer only, no ROM. */
final class ShiftmaxKernel implements RowKernel {
    private final ShiftmaxParams p;
    private final int fi;
    private final long outMax;

    ShiftmaxKernel(ShiftmaxParams p) {
        this.p = p;
        this.fi = p.config().input().fracBits();
        this.outMax = p.outMaxRaw();
    }

    /** Steps 2-4: {@code E ≈ 2^(fe)·e^D} for {@code D = x - max <= 0} (raw input units). */
    long exp(long d) {
        long pw = d + (d >> 1) - (d >> 4);                                // D·log2(e) ≈ D·1.4375 (floor shifts)
        long q = (-pw) >> fi;                                             // integer part: a right shift by q
        long r = pw + (q << fi);                                          // fraction, in (-2^fi, 0]
        long lin = (1L << (fi + 1)) + r;                                  // 2·(1 + r/2) in units of 2^-fi
        long s = p.fe() - fi - 1 - q;
        return s >= 0 ? lin << s : shr(lin, -s);
    }

    @Override public RowTrace apply(long[] x) {
        long max = Long.MIN_VALUE;
        for (long v : x) max = Math.max(max, v);                          // 1. row max
        long[] e = new long[x.length];
        long sum = 0;
        for (int i = 0; i < x.length; i++) {                              // 2-5. exponentials and their sum
            e[i] = exp(x[i] - max);
            sum += e[i];
        }
        long f = floorPow2Div(p.k(), sum);                                // 6. one integer division per row
        long[] out = new long[x.length];
        int shift = p.k() - p.config().output().fracBits();
        for (int i = 0; i < x.length; i++) out[i] = Math.min(outMax, roundShr(e[i] * f, shift));   // 7.
        return new RowTrace(out, max, sum, f);
    }
}
