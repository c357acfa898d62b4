package dev.spindle.nn.softmax;

import static dev.spindle.nn.softmax.SoftmaxMath.floorLog2;
import static dev.spindle.nn.softmax.SoftmaxMath.roundShr;
import static dev.spindle.nn.softmax.SoftmaxMath.roundedReciprocal;

/** The EXP_TABLE row arithmetic (docs/softmax.md, "EXP_TABLE"); integer only. */
final class ExpTableKernel implements RowKernel {
    private final ExpTableParams p;
    private final SplitRom roms;
    private final long dMax, outMax;
    private final int outShift;

    ExpTableKernel(ExpTableParams p) {
        this.p = p;
        this.roms = p.roms();
        this.dMax = (1L << p.dBits()) - 1;
        this.outMax = p.outMaxRaw();
        this.outShift = p.q() - p.config().output().fracBits();
    }

    /** Step 2: {@code ê = e^-d} with {@code e} fraction bits, for {@code d = max - x >= 0} (raw input units). */
    long exp(long d) {
        return roms.read(Math.min(roundShr(d, p.dRoundBits()), dMax));
    }

    @Override public RowTrace apply(long[] x) {
        long max = Long.MIN_VALUE;
        for (long v : x) max = Math.max(max, v);                          // 1. row max
        long[] e = new long[x.length];
        long sum = 0;
        for (int i = 0; i < x.length; i++) {                              // 2. exponentials and their exact sum
            e[i] = exp(max - x[i]);
            sum += e[i];
        }
        int k = floorLog2(sum);                                           // 3. one reciprocal per row
        long r = roundedReciprocal(sum, p.q());
        long[] out = new long[x.length];
        for (int i = 0; i < x.length; i++) {                              // 4. multiply, round, clamp
            out[i] = Math.min(outMax, roundShr(e[i] * r, k + outShift));
        }
        return new RowTrace(out, max, sum, r);
    }
}
