package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.OutputStage;
import dev.spindle.lib.Pipeline;

/**
 * An activation on every lane of a beat (docs/transformer.md, "Activations"): ReLU, GELU by table, I-BERT's i-GELU,
 * or the sigmoid table, bit for bit {@code GeluModel} / {@code SigmoidModel} / {@code max(0, x)}.
 *
 * <p>Ports: {@code io_input} (Stream of a Vec of {@code lanes} raw SInt values in {@code input}), {@code io_output}
 * (the same number of lanes, {@link ActivationUnitConfig#outputWidth()} bits, raw in {@code output}).
 *
 * <p><b>Latency</b> {@link ActivationUnitConfig#latency()} cycles (RELU 1, SIGMOID 2, GELU_TABLE 3, IGELU 4), one
 * beat a cycle. One clock enable stalls the pipeline while the output waits; nothing is lost. Each lane has its own
 * table (a ROM of {@code 4·2^g} GELU or {@code 16·2^g} sigmoid words) or its own three i-GELU multipliers.
 */
public final class ActivationUnit extends ConfiguredComponent<ActivationUnitConfig> {
    public final LanesIo io;

    public ActivationUnit(ActivationUnitConfig c) {
        super(c);
        io = new LanesIo(c.input().width(), c.lanes(), c.outputWidth(), c.lanes());
        OutputStage out = new OutputStage(io.output);
        Pipeline pipe = out.pipeline(io.input, c.latency());
        for (int i = 0; i < c.lanes(); i++) {
            SInt x = io.input.payload.get(i);
            SInt y = switch (c.function()) {
                case RELU -> pipe.stage(relu(x));
                case GELU_TABLE -> geluTable(c, pipe, x);
                case IGELU -> igelu(c, pipe, x);
                case SIGMOID -> sigmoid(c, pipe, x);
            };
            io.output.payload.get(i).assign(y.resize(c.outputWidth()));
        }
    }

    static SInt relu(SInt x) { return mux(x.isNegative(), SInt.lit(0, x.width()), x); }

    /** S1 index and relu(x); S2 the ROM read of -h; S3 {@code sat(relu(x) - (-h))}. */
    private static SInt geluTable(ActivationUnitConfig c, Pipeline pipe, SInt x) {
        int f = c.input().fracBits();
        int g = c.tableFracBits();
        long[] mags = c.geluMagnitudes();
        UInt ax = x.abs();
        UInt index = f == g ? ax : roundShift(ax, f - g);
        int ib = Math.max(1, ceilLog2(mags.length));
        Bool inRange = index.lt(mags.length);
        UInt index1 = pipe.stage(index.resize(Math.max(index.width(), ib)).resize(ib));
        Bool inRange1 = pipe.valid(inRange);
        SInt relu1 = pipe.stage(relu(x));
        int mw = Math.max(1, 64 - Long.numberOfLeadingZeros(maxOf(mags)));
        Mem<UInt> rom = Mem.of(UInt.type(mw), mags).named("gelu_table");
        UInt mag2 = rom.readSync(index1, pipe.enable());
        Bool inRange2 = pipe.valid(inRange1);
        SInt relu2 = pipe.stage(relu1);
        SInt h = mux(inRange2, mag2, UInt.lit(0, mw)).resize(mw + 1).asSInt();
        return pipe.stage(Linear.saturate(relu2.resize(relu2.width() + 1).sub(h.resize(relu2.width() + 1)), c.output()));
    }

    /** S1 {@code d = B - min(rsh(|x|·46341, 16), B)}; S2 {@code q = rsh(d²·9463, F+16)}; S3 {@code rsh(|x|·q, F)}; S4 the sum. */
    private static SInt igelu(ActivationUnitConfig c, Pipeline pipe, SInt x) {
        int f = c.input().fracBits();
        long b = c.clipRaw();
        int bw = 64 - Long.numberOfLeadingZeros(Math.max(b, 1));
        UInt ax = x.abs();
        UInt d1 = pipe.stage(clippedDistance(x, b, bw));
        UInt ax1 = pipe.stage(ax);
        SInt relu1 = pipe.stage(relu(x));
        UInt q2 = pipe.stage(roundShift(d1.mul(d1).mul(UInt.lit(ActivationUnitConfig.HALF_A, 14)), f + 16));
        UInt ax2 = pipe.stage(ax1);
        SInt relu2 = pipe.stage(relu1);
        UInt corr3 = pipe.stage(f == 0 ? ax2.mul(q2) : roundShift(ax2.mul(q2), f));
        SInt relu3 = pipe.stage(relu2);
        int w = Math.max(relu3.width(), corr3.width() + 1) + 1;
        return pipe.stage(Linear.saturate(relu3.resize(w).sub(corr3.resize(w - 1).toSInt().resize(w)), c.output()));
    }

    /**
     * {@code B - min(rsh(|x|·46341, 16), B)} without the |x| and the compare in front of and behind the product
     * (the unit's depth 11 -> 7 LUT levels as the estimate counts it): {@code B - floor((p + 2^15) / 2^16) = floor((K - p) / 2^16)} with
     * {@code K = B·2^16 + 2^15 - 1} and {@code p = |x|·46341}, so the clamp at B is a clamp of that at 0, and
     * {@code K - |x|·46341} is {@code K + x·46341} or {@code K - x·46341} by the sign of x, both formed beside the
     * signed product.
     */
    private static UInt clippedDistance(SInt x, long b, int bw) {
        SInt p = x.mul(SInt.lit(ActivationUnitConfig.INV_SQRT2, 17));
        int w = Math.max(bw, x.width() - 1) + 18;
        SInt k = SInt.lit((b << 16) + (1L << 15) - 1, w);
        SInt v = mux(x.isNegative(), k.add(p.resize(w)), k.sub(p.resize(w))).shr(16);
        return mux(v.isNegative(), UInt.lit(0, bw), v.asUInt().resize(bw));
    }

    /** S1 the clamped index {@code rsh(x, F - g) + 8·2^g}; S2 the ROM read (the output register). */
    private static SInt sigmoid(ActivationUnitConfig c, Pipeline pipe, SInt x) {
        int f = c.input().fracBits();
        int g = c.tableFracBits();
        long[] table = c.sigmoidTable();
        int half = ActivationUnitConfig.SIGMOID_RANGE << g;
        SInt i = f == g ? x : Linear.roundShift(x, f - g);
        int iw = Math.max(i.width(), ceilLog2(half) + 2);
        SInt wide = i.resize(iw);
        SInt lo = SInt.lit(-half, iw);
        SInt hi = SInt.lit(half - 1, iw);
        SInt clamped = mux(wide.lt(lo), lo, mux(wide.gt(hi), hi, wide));
        int aw = ceilLog2(2L * half);
        UInt address = pipe.stage(clamped.add(SInt.lit(half, iw)).asUInt().resize(aw));
        Mem<UInt> rom = Mem.of(UInt.type(c.output().width()), table).named("sigmoid_table");
        return rom.readSync(address, pipe.enable()).resize(c.outputWidth()).asSInt();
    }

    /** {@code (v + 2^(s-1)) >> s} of an unsigned value, one bit wider first so the carry is kept. */
    private static UInt roundShift(UInt v, int s) {
        UInt wide = v.resize(v.width() + 1);
        return wide.add(UInt.lit(1L << (s - 1), wide.width())).srl(s).resize(Math.max(1, v.width() + 1 - s));
    }

    private static long maxOf(long[] v) {
        long m = 0;
        for (long x : v) m = Math.max(m, x);
        return m;
    }

}
