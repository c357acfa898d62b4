package dev.spindle.nn.softmax;

import static dev.spindle.nn.softmax.SoftmaxMath.floorLog2;
import static dev.spindle.nn.softmax.SoftmaxMath.roundShr;
import static dev.spindle.nn.softmax.SoftmaxMath.roundedReciprocal;
import static dev.spindle.nn.softmax.SoftmaxMath.shr;

/**
 * The BASE2 row arithmetic (docs/softmax.md, "BASE2"); integer only. Pass 1 runs beat by beat, exactly as the
 * hardware's loop-carried merge stage: each beat is first reduced on its own (beat max, beat sum relative to the beat
 * max), then merged into the running (M, S), so the truncations happen in the same order as in the RTL.
 */
final class Base2Kernel implements RowKernel {
    private final Base2Params p;
    private final SplitRom roms;
    private final long fracMask, outMax;
    private final int lanes, outShift;

    Base2Kernel(Base2Params p) {
        this.p = p;
        this.roms = p.roms();
        this.fracMask = (1L << p.fy()) - 1;
        this.outMax = p.outMaxRaw();
        this.lanes = p.config().lanes();
        this.outShift = p.q() + p.mb() - p.g() - p.config().output().fracBits();
    }

    /** Step 1: {@code y = round(x·C / 2^yShift)}, {@code fy} fraction bits. */
    long y(long x) { return roundShr(x * p.log2e(), p.yShift()); }

    /** Step 2: the integer exponent {@code u = ceil(y)}. */
    long u(long y) { return -((-y) >> p.fy()); }

    /** Step 2-3: the mantissa {@code m = 2^(y-u)} in (0.5, 1] with {@code mb} fraction bits, from the fraction index {@code j = u·2^fy - y}. */
    long mantissa(long y) { return roms.read((-y) & fracMask); }

    @Override public RowTrace apply(long[] x) {
        int n = x.length;
        long[] u = new long[n], m = new long[n];
        long runMax = 0, runSum = 0;
        for (int b = 0; b < n / lanes; b++) {                             // pass 1, one beat per iteration
            long beatMax = Long.MIN_VALUE;
            for (int i = b * lanes; i < (b + 1) * lanes; i++) {
                long y = y(x[i]);
                u[i] = u(y);
                m[i] = mantissa(y);
                beatMax = Math.max(beatMax, u[i]);
            }
            long beatSum = 0;                                             // 4. terms relative to the beat max, truncated
            for (int i = b * lanes; i < (b + 1) * lanes; i++) beatSum += shr(m[i] << (p.g() - p.mb()), beatMax - u[i]);
            if (b == 0) {                                                 // 5. merge into the running (M, S)
                runMax = beatMax;
                runSum = beatSum;
            } else {
                long newMax = Math.max(runMax, beatMax);
                runSum = shr(runSum, newMax - runMax) + shr(beatSum, newMax - beatMax);
                runMax = newMax;
            }
        }
        int k = floorLog2(runSum);                                        // 6. one reciprocal per row
        long r = roundedReciprocal(runSum, p.q());
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {                                     // pass 2: m·R, one rounding shift, clamp
            out[i] = Math.min(outMax, roundShr(m[i] * r, k + outShift + (runMax - u[i])));
        }
        return new RowTrace(out, runMax, runSum, r);
    }
}
