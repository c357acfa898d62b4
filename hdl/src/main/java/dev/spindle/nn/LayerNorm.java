package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.OutputStage;
import dev.spindle.lib.math.AdderTree;

import java.util.ArrayList;
import java.util.List;

/**
 * LayerNorm over the feature axis of each token (docs/transformer.md, "LayerNorm"): integer mean and population
 * variance, 1/sqrt by a table on the variance sum normalised to its leading bit pair plus one Newton step, epsilon,
 * gamma and beta; bit for bit {@code LayerNormModel}, for every variance the input format allows.
 *
 * <p>Ports: {@code io_weights} (Stream of SInt words: gamma[0..n-1] then beta[0..n-1], raw, sign-extended; always
 * ready), {@code io_input} / {@code io_output} (Stream of a Vec of {@code features} raw values, one token a beat).
 *
 * <p><b>Latency</b> {@link LayerNormConfig#latency()} = 11 cycles from an input's acceptance to its output; one
 * token a cycle. One clock enable stalls the whole pipeline while the output waits.
 */
public final class LayerNorm extends ConfiguredComponent<LayerNormConfig> {
    public final TokenIo<Vec<SInt>> io;
    private final Bool ce;

    public LayerNorm(LayerNormConfig c) {
        super(c);
        io = new TokenIo<>(Math.max(c.gamma().width(), c.beta().width()), TokenIo.rawLanes(c.input().width(), c.features()),
                TokenIo.rawLanes(c.output().width(), c.features()));
        int n = c.features();
        int p = c.rsqrtBits();
        int g = c.tableBits();

        // ---- gamma and beta: registers written by the weight stream
        List<SInt> gamma = new ArrayList<>();
        List<SInt> beta = new ArrayList<>();
        UInt loadIndex = RegInit(UInt.lit(0, log2Up(2L * n)));
        io.weights.ready.assign(True());
        Bool wordFire = io.weights.fire();
        when(wordFire, () -> loadIndex.assign(mux(loadIndex.eq(2 * n - 1), UInt.lit(0, loadIndex.width()), loadIndex.add(1))));
        for (int i = 0; i < 2 * n; i++) {
            FixFormat f = i < n ? c.gamma() : c.beta();
            SInt r = Reg(SInt.type(f.width())).named(i < n ? "gamma_" + i : "beta_" + (i - n));
            SInt word = io.weights.payload.resize(f.width());
            when(wordFire.and(loadIndex.eq(i)), () -> r.assign(word));
            (i < n ? gamma : beta).add(r);
        }

        OutputStage out = new OutputStage(io.output);
        ce = out.enable();
        io.input.ready.assign(ce);

        // S1: input register
        Bool v1 = stageValid(io.input.fire());
        List<SInt> x1 = regs(io.input.payload);
        // S2: S = Σx
        Bool v2 = stageValid(v1);
        SInt s2 = reg(AdderTree.sum(x1, 0));
        List<SInt> x2 = regs(x1);
        // S3: d_i = n·x_i - S
        Bool v3 = stageValid(v2);
        List<SInt> d3 = new ArrayList<>();
        for (SInt x : x2) d3.add(reg(x.mul(SInt.lit(n, LayerNormConfig.log2(n + 1L) + 1)).resize(c.dBits()).sub(s2.resize(c.dBits()))));
        // S4: U = Σ d_i² + E
        Bool v4 = stageValid(v3);
        List<SInt> sq = new ArrayList<>();
        for (SInt d : d3) sq.add(d.mul(d));
        SInt u4 = reg(AdderTree.sum(sq, 0).addExpand(SInt.lit(c.epsRaw(), c.uBits() + 1)).resize(c.uBits() + 1));
        List<SInt> d4 = regs(d3);
        // S5: k = floor(lead(U)/2), m = U·2^(P-2k) (truncated), U = 0 flagged
        Bool v5 = stageValid(v4);
        UInt u = u4.asUInt().resize(c.uBits());
        UInt lead = UInt.lit(0, log2Up(c.uBits()));
        for (int b = 1; b < c.uBits(); b++) lead = mux(u.bit(b), UInt.lit(b, lead.width()), lead);
        UInt k = lead.srl(1);
        UInt twoK = k.resize(k.width() + 1).sll(1);
        UInt m = u.resize(c.uBits() + p).sll(p).srl(twoK).resize(p + 2);
        UInt k5 = reg(k);
        UInt m5 = reg(m);
        Bool zero5 = reg(u.eq(UInt.lit(0, u.width())));
        List<SInt> d5 = regs(d4);
        // S6: r0 = T[m >> (P-g)] (ROM of 4·2^g words, the first 2^g unused)
        Bool v6 = stageValid(v5);
        long[] table = c.rsqrtTable();
        long[] rom = new long[4 << g];
        System.arraycopy(table, 0, rom, 1 << g, table.length);
        Mem<UInt> rsqrt = Mem.of(UInt.type(p + 1), rom).named("rsqrt_table");
        SInt r06 = reg(rsqrt.readAsync(m5.bits(p + 1, p - g)).resize(p + 2).asSInt());
        SInt m6 = reg(m5.resize(p + 3).asSInt());
        UInt k6 = reg(k5);
        Bool zero6 = reg(zero5);
        List<SInt> d6 = regs(d5);
        // S7: a = rsh(r0², P)
        Bool v7 = stageValid(v6);
        SInt a7 = reg(Linear.roundShift(r06.mul(r06), p).resize(p + 3));
        SInt r07 = reg(r06);
        SInt m7 = reg(m6);
        UInt k7 = reg(k6);
        Bool zero7 = reg(zero6);
        List<SInt> d7 = regs(d6);
        // S8: t = rsh(a·m, P)
        Bool v8 = stageValid(v7);
        SInt t8 = reg(Linear.roundShift(a7.mul(m7), p).resize(p + 4));
        SInt r08 = reg(r07);
        UInt k8 = reg(k7);
        Bool zero8 = reg(zero7);
        List<SInt> d8 = regs(d7);
        // S9: r1 = rsh(r0·(3·2^P - t), P+1)
        Bool v9 = stageValid(v8);
        SInt h = SInt.lit(3L << p, p + 4).sub(t8);
        SInt r19 = reg(Linear.roundShift(r08.mul(h), p + 1).resize(p + 3));
        UInt k9 = reg(k8);
        Bool zero9 = reg(zero8);
        List<SInt> d9 = regs(d8);
        // S10: z_i = sat_Z(rsh(d_i·C·r1, P + k + c - Fz)), 0 when U = 0
        Bool v10 = stageValid(v9);
        long cConst = c.sqrtConst();
        SInt cLit = SInt.lit(cConst, 65 - Long.numberOfLeadingZeros(cConst));
        int s0 = p + c.sqrtShift() - c.normalized().fracBits();     // >= 1 (the config checks it)
        UInt amount = k9.resize(8).add(UInt.lit(s0 - 1, 8));
        List<SInt> z10 = new ArrayList<>();
        for (SInt d : d9) {
            SInt prod = d.mul(cLit).mul(r19);
            SInt half = prod.sra(amount);                                // v >> (s-1)
            SInt rounded = half.resize(half.width() + 1).add(SInt.lit(1, half.width() + 1)).shr(1);
            SInt z = Linear.saturate(rounded, c.normalized());
            z10.add(reg(mux(zero9, SInt.lit(0, z.width()), z)));
        }
        // S11: y_i = sat_Y(rsh(z·gamma + beta·2^(Fz+Fg-Fb), Fz+Fg-Fy)): the output register
        int fzg = c.normalized().fracBits() + c.gamma().fracBits();
        out.drive(v10);
        for (int i = 0; i < n; i++) {
            SInt prod = z10.get(i).mul(gamma.get(i));
            SInt b = beta.get(i).shl(fzg - c.beta().fracBits());
            int w = Math.max(prod.width(), b.width()) + 1;
            SInt total = prod.resize(w).add(b.resize(w));
            io.output.payload.get(i).assign(reg(Linear.roundSaturate(total, fzg - c.output().fracBits(), c.output())));
        }
    }

    private Bool stageValid(Bool previous) {
        Bool v = RegInit(False());
        when(ce, () -> v.assign(previous));
        return v;
    }

    private SInt reg(SInt value) {
        SInt r = Reg(SInt.type(value.width()));
        when(ce, () -> r.assign(value));
        return r;
    }

    private UInt reg(UInt value) {
        UInt r = Reg(UInt.type(value.width()));
        when(ce, () -> r.assign(value));
        return r;
    }

    private Bool reg(Bool value) {
        Bool r = Reg(Bool.type());
        when(ce, () -> r.assign(value));
        return r;
    }

    private List<SInt> regs(Iterable<SInt> values) {
        List<SInt> out = new ArrayList<>();
        for (SInt v : values) out.add(reg(v));
        return out;
    }
}
