package dev.spindle.nn;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.nn.softmax.Base2Params;
import dev.spindle.nn.softmax.ExpTableParams;
import dev.spindle.nn.softmax.ShiftmaxParams;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxParams;

import java.util.ArrayList;
import java.util.List;

/**
 * The softmax unit (docs/softmax.md): rows of {@code length} scores arrive {@code lanes} a beat on
 * {@code io_input} ({@code Stream<Fragment<Vec<SFix>>>} in the {@code input} format) and leave as probabilities on
 * {@code io_output} ({@code Stream<Fragment<Vec<UFix>>>} in the {@code output} format), bit
 * for bit equal to {@code SoftmaxModel}. The unit counts {@code length/lanes} beats a row itself (the input
 * {@code last} is not used); the output's {@code last} marks each row's final beat.
 *
 * <p><b>Latency</b>: {@link SoftmaxParams#latency()} cycles from a row's first input beat to its first output beat
 * (EXP_TABLE: {@code 2·Lb + 2·t + q + 15}), rows back to back at one beat per clock.
 *
 * <p><b>Stalls</b>: the whole pipeline has one clock enable, {@code ce}. It advances when the output register is free
 * (empty or being taken) and either an input beat arrives or the input is between rows (a bubble enters). A gap in the
 * middle of an input row freezes the pipeline until the row continues (the fixed delay-line stores need the beats of a
 * row to be contiguous in {@code ce} time); back-pressure freezes it until the output is taken. Nothing is lost.
 */
public final class Softmax extends ConfiguredComponent<SoftmaxConfig> {

    public static final class Io extends Bundle {
        public final Stream<Fragment<Vec<SFix>>> input;
        public final Stream<Fragment<Vec<UFix>>> output;

        Io(SoftmaxConfig c) {
            input = slave(new Stream<>(Fragment.type(Vec.type(SFix.type(c.input()), c.lanes()))));
            output = master(new Stream<>(Fragment.type(Vec.type(UFix.type(c.output()), c.lanes()))));
        }
    }

    /** Per-beat control carried beside the data: beat present, first and last beat of its row. */
    private record Tag(Bool valid, Bool first, Bool last) {}

    public final Io io;
    private final SoftmaxConfig cfg;
    private final SoftmaxParams params;
    private final int lanes;
    private final UInt beatCount;
    private final Bool outValid;
    private final Bool ce;

    public Softmax(SoftmaxConfig c) {
        super(c);
        this.cfg = c;
        this.params = SoftmaxParams.of(c);
        this.lanes = c.lanes();
        if (!c.input().signed()) {
            throw new UnsupportedOperationException("input = " + c.input() + ": the RTL takes signed inputs only for now");
        }
        io = new Io(c);
        int lb = params.beatsPerRow();

        beatCount = RegInit(UInt.lit(0, log2Up(lb)));
        outValid = RegInit(False());
        Bool outFree = outValid.not().or(io.output.ready);
        Bool atBoundary = beatCount.eq(0);
        ce = Wire(Bool.type());
        ce.assign(outFree.and(io.input.valid.or(atBoundary)));
        io.input.ready.assign(outFree);
        Bool inFire = io.input.fire();
        Bool lastIn = beatCount.eq(lb - 1);
        when(inFire, () -> beatCount.assign(mux(lastIn, UInt.lit(0, beatCount.width()), beatCount.add(1))));

        // A1: input register
        Tag a1 = new Tag(rb(inFire), r(atBoundary), r(lastIn));
        List<SInt> x1 = new ArrayList<>();
        for (int i = 0; i < lanes; i++) x1.add(r(io.input.payload.fragment.get(i).raw()));

        Result out = switch (c.algorithm()) {
            case EXP_TABLE -> expTable((ExpTableParams) params, a1, x1);
            case SHIFTMAX -> shiftmax((ShiftmaxParams) params, a1, x1);
            case BASE2 -> base2((Base2Params) params, a1, x1);
        };

        // output register (the last stage): loads on ce, empties when taken and not reloaded
        List<UInt> outRegs = new ArrayList<>();
        for (UInt o : out.lanes()) outRegs.add(r(o));
        Bool outLast = r(out.tag().last());
        when(ce, () -> outValid.assign(out.tag().valid()))
                .elseWhen(io.output.fire(), () -> outValid.assign(False()));
        io.output.valid.assign(outValid);
        io.output.payload.last.assign(outLast);
        for (int i = 0; i < lanes; i++) io.output.payload.fragment.get(i).assign(UFix.fromRaw(outRegs.get(i), cfg.output()));
    }

    /** The values feeding the output register, with their tag. */
    private record Result(Tag tag, List<UInt> lanes) {}

    // ---------------------------------------------------------------- EXP_TABLE

    private Result expTable(ExpTableParams p, Tag a1, List<SInt> x1) {
        int wi = cfg.input().width(), fi = cfg.input().fracBits(), fo = cfg.output().fracBits();
        int t = p.treeLevels(), e = p.e(), q = p.q(), w = p.sumWidth();

        SInt mHold = rowMax(a1, x1);

        // B1: x store read, Lb + t beats after the write
        Store xs = store(a1, cat(x1.reversed().toArray(SInt[]::new)), p.xStoreDelay());
        List<SInt> xb1 = new ArrayList<>();
        for (int i = 0; i < lanes; i++) xb1.add(xs.data().bits((i + 1) * wi - 1, i * wi).asSInt());

        // B2: d = M - x, round to g fraction bits, saturate to dBits
        Tag b2 = next(xs.tag());
        List<UInt> dq = new ArrayList<>();
        for (SInt x : xb1) {
            UInt d = mHold.subExpand(x).asUInt().resize(wi);
            dq.add(r(saturate(rshConst(d, p.dRoundBits()), p.dBits())));
        }
        // B3: ROM outputs
        Tag b3 = next(b2);
        long[] hiT = p.hiTable(), loT = p.loTable();
        List<UInt> hiV = new ArrayList<>(), loV = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt idx = dq.get(i);
            Mem<UInt> hiRom = Mem.of(UInt.type(p.a() + 1), hiT);
            hiV.add(r(hiRom.readAsync(p.loBits() == 0 ? idx : idx.shr(p.loBits()))));
            if (p.loBits() > 0) {
                Mem<UInt> loRom = Mem.of(UInt.type(p.b() + 1), loT);
                loV.add(r(loRom.readAsync(idx.takeLow(p.loBits()))));
            } else loV.add(r(UInt.lit(1, 1)));
        }
        // B4-B5: product, B6: rounding shift -> ê
        Tag b4 = next(b3), b5 = next(b4), b6 = next(b5);
        List<UInt> eh = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt prod = r(r(hiV.get(i).mul(loV.get(i))));
            eh.add(r(rshConst(prod, p.productShift()).resize(e + 1)));
        }
        // ê store (for pass 3), Lb + t + q + 4 beats
        Store es = store(b6, cat(eh.reversed().toArray(UInt[]::new)), p.eStoreDelay());

        // B7..: lane sum tree; B(t+8): accumulator
        Tag[] ts = new Tag[1];
        UInt acc = rowSum(b6, eh, w, ts);
        Bool accDone = rb(ts[0].valid().and(ts[0].last()));

        // R1..R(q+4): k = lead(S), reciprocal
        Recip rc = reciprocal(acc, accDone, w, q);
        UInt rHold = RegNextWhen(rc.r(), ce.and(rc.valid()));
        UInt kHold = RegNextWhen(rc.k(), ce.and(rc.valid()));

        // C1: ê store read; C2-C3: ê·R; C4 (the output register): rounding shift by k + q - Fo, clamp
        List<UInt> ec = new ArrayList<>();
        for (int i = 0; i < lanes; i++) ec.add(es.data().bits((i + 1) * (e + 1) - 1, i * (e + 1)).asUInt());
        Tag c2 = next(es.tag()), c3 = next(c2);
        UInt k3 = r(r(kHold));
        UInt sm1 = k3.resize(k3.width() + 1).add(q - fo - 1);
        List<UInt> outs = new ArrayList<>();
        for (UInt v : ec) {
            UInt prod = r(r(v.mul(rHold)));
            outs.add(clamp(rshVar(prod, sm1)));
        }
        return new Result(c3, outs);
    }

    // ---------------------------------------------------------------- SHIFTMAX

    private Result shiftmax(ShiftmaxParams p, Tag a1, List<SInt> x1) {
        int wi = cfg.input().width(), fi = cfg.input().fracBits(), fo = cfg.output().fracBits();
        int fe = p.fe(), k = p.k(), w = p.sumWidth();
        SInt mHold = rowMax(a1, x1);

        // B1: x store read
        Store xs = store(a1, cat(x1.reversed().toArray(SInt[]::new)), p.xStoreDelay());
        // B2: D = x - M; B3: P = D + (D >> 1) - (D >> 4); B4: q, r, E (barrel shift)
        Tag b2 = next(xs.tag()), b3 = next(b2), b4 = next(b3);
        int c = fe - fi - 1;
        List<UInt> ev = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            SInt x = xs.data().bits((i + 1) * wi - 1, i * wi).asSInt();
            SInt d = r(x.subExpand(mHold));
            SInt d2 = d.resize(wi + 2);
            SInt pw = r(d2.add(d2.sra(1)).sub(d2.sra(4)));
            UInt negP = pw.neg().asUInt();
            UInt qi = negP.shr(fi);
            UInt frac = fi == 0 ? UInt.lit(0, 1) : negP.takeLow(fi);
            UInt lin = UInt.lit(1L << (fi + 1), fi + 2).sub(frac.resize(fi + 2));
            UInt wide = lin.shl(Math.max(c, 0));
            UInt amount = qi.resize(qi.width() + 1 + log2Up(Math.max(-c, 0) + 1)).add(Math.max(-c, 0));
            UInt e = wide.srl(amount);
            ev.add(r(e.resize(fe + 1)));
        }
        Store es = store(b4, cat(ev.reversed().toArray(UInt[]::new)), p.eStoreDelay());

        // B5..: lane sum tree; B(t+6): accumulator
        Tag[] ts = new Tag[1];
        UInt acc = rowSum(b4, ev, w, ts);
        Bool accDone = rb(ts[0].valid().and(ts[0].last()));

        // D1..D(k-fe+1): F = floor(2^k / S), one quotient bit a stage
        int stages = k - fe + 1;
        UInt quo = divide(UInt.lit(1L << (fe - 1), w + 1), acc.resize(w + 1), stages);
        Bool v = accDone;
        for (int i = 0; i < stages; i++) v = rb(v);
        UInt fHold = RegNextWhen(quo, ce.and(v));

        // C1: E store read; C2-C3: E·F; C4: rounding shift by k - Fo, clamp
        Tag c2 = next(es.tag()), c3 = next(c2);
        List<UInt> outs = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt e = es.data().bits((i + 1) * (fe + 1) - 1, i * (fe + 1)).asUInt();
            UInt prod = r(r(e.mul(fHold)));
            outs.add(clamp(rshConst(prod, k - fo)));
        }
        return new Result(c3, outs);
    }

    // ---------------------------------------------------------------- BASE2

    /** Steps 1-3 over 7 stages from a registered x: product x·C (2), y/u/j (1), ROMs (1), product (2), m (1). */
    private record UM(UInt[] m, SInt[] u, SInt[] u4) {}

    private UM base2Exp(Base2Params p, List<SInt> x) {
        int fy = p.fy(), ub = p.uBits();
        SInt cLit = SInt.lit(p.log2e(), p.c() + 2);
        long[] hiT = p.hiTable(), loT = p.loTable();
        UInt[] m = new UInt[x.size()];
        SInt[] u = new SInt[x.size()];
        SInt[] u4s = new SInt[x.size()];
        for (int i = 0; i < x.size(); i++) {
            SInt prod = r(r(x.get(i).mul(cLit)));
            SInt pr = prod.resize(prod.width() + 1);
            SInt y = pr.add(1L << (p.yShift() - 1)).shr(p.yShift());
            SInt uu = y.resize(y.width() + 1).add((1L << fy) - 1).shr(fy).resize(ub);
            UInt j = y.neg().asUInt().takeLow(fy);
            SInt u4 = r(uu);
            UInt j4 = r(j);
            Mem<UInt> hiRom = Mem.of(UInt.type(p.a() + 1), hiT);
            UInt hv = r(hiRom.readAsync(p.loBits() == 0 ? j4 : j4.shr(p.loBits())));
            UInt lv;
            if (p.loBits() > 0) {
                Mem<UInt> loRom = Mem.of(UInt.type(p.b() + 1), loT);
                lv = r(loRom.readAsync(j4.takeLow(p.loBits())));
            } else lv = r(UInt.lit(1, 1));
            UInt mp = r(r(hv.mul(lv)));
            m[i] = r(rshConst(mp, p.productShift()).resize(p.mb() + 1));
            u[i] = r(r(r(r(u4))));
            u4s[i] = u4;
        }
        return new UM(m, u, u4s);
    }

    private Result base2(Base2Params p, Tag a1, List<SInt> x1) {
        int wi = cfg.input().width(), fo = cfg.output().fracBits();
        int t = p.treeLevels(), tm = p.maxTreeExtra(), g = p.g(), mb = p.mb(), q = p.q(), w = p.sumWidth(), ub = p.uBits();
        // A2..A8: u, m
        UM um = base2Exp(p, x1);
        Tag tag = a1;
        for (int i = 0; i < 7; i++) tag = next(tag);
        // beside A5..A8: lane max tree over u (from A4), t levels, padded to 4 stages (or m, u delayed by tm)
        List<SInt> lv = new ArrayList<>(List.of(um.u4()));
        while (lv.size() > 1) {
            List<SInt> next = new ArrayList<>();
            for (int i = 0; i < lv.size(); i += 2) {
                if (i + 1 < lv.size()) { SInt a = lv.get(i), b = lv.get(i + 1); next.add(r(mux(a.ge(b), a, b))); }
                else next.add(r(lv.get(i)));
            }
            lv = next;
        }
        SInt bmax = lv.getFirst();
        for (int l = t; l < 4; l++) bmax = r(bmax);
        List<UInt> m9 = new ArrayList<>();
        List<SInt> u9 = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt mm = um.m()[i];
            SInt uu = um.u()[i];
            for (int l = 0; l < tm; l++) { mm = r(mm); uu = r(uu); }
            m9.add(mm);
            u9.add(uu);
        }
        for (int l = 0; l < tm; l++) tag = next(tag);
        // A9: per-lane terms (m << (g - mb)) >> (B - u)
        List<UInt> terms = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt sh = bmax.subExpand(u9.get(i)).asUInt().resize(ub + 1);
            terms.add(r(m9.get(i).shl(g - mb).srl(sh)));
        }
        SInt b9 = r(bmax);
        tag = next(tag);
        // A10..: lane sum tree -> T (B carried beside)
        List<UInt> sums = new ArrayList<>();
        for (UInt v : terms) sums.add(v.resize(w));
        SInt bT = b9;
        while (sums.size() > 1) {
            List<UInt> next = new ArrayList<>();
            for (int i = 0; i < sums.size(); i += 2) next.add(r(i + 1 < sums.size() ? sums.get(i).add(sums.get(i + 1)) : sums.get(i)));
            sums = next;
            bT = r(bT);
            tag = next(tag);
        }
        UInt tSum = sums.getFirst();
        SInt bB = bT;
        // A(10+t): merge into (M, S)
        SInt mReg = Reg(SInt.type(ub));
        UInt sReg = Reg(UInt.type(w));
        Tag tt = tag;
        SInt newMax = mux(mReg.lt(bB), bB, mReg);
        UInt dm = newMax.subExpand(mReg).asUInt().resize(ub + 1);
        UInt db = newMax.subExpand(bB).asUInt().resize(ub + 1);
        when(ce.and(tt.valid()), () -> {
            when(tt.first(), () -> { mReg.assign(bB); sReg.assign(tSum); })
                    .otherwise(() -> { mReg.assign(newMax); sReg.assign(sReg.srl(dm).add(tSum.srl(db))); });
        });
        Bool done = rb(tt.valid().and(tt.last()));

        // R1..R(q+4): lead, reciprocal; R, k, M held in the R(q+4) registers
        Recip rc = reciprocal(sReg, done, w, q, mReg);

        // P1..P8: x store read, recompute u, m
        Store xs = store(a1, cat(x1.reversed().toArray(SInt[]::new)), p.xStoreDelay());
        List<SInt> xp = new ArrayList<>();
        for (int i = 0; i < lanes; i++) xp.add(xs.data().bits((i + 1) * wi - 1, i * wi).asSInt());
        UM um2 = base2Exp(p, xp);
        Tag pt = xs.tag();
        for (int i = 0; i < 7; i++) pt = next(pt);
        // P9-P10: m·R, s = M - u; P11 (output register): rounding shift by k + s + (q + mb - g - Fo), clamp
        Tag p10 = next(next(pt));
        int cst = q + mb - g - fo - 1;
        UInt k10 = r(r(rc.k()));
        List<UInt> outs = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            UInt prod = r(r(um2.m()[i].mul(rc.r())));
            UInt s10 = r(r(rc.side().subExpand(um2.u()[i]).asUInt().resize(ub + 1)));
            int ww = Math.max(k10.width(), s10.width()) + 3;
            UInt base = cst >= 0 ? k10.resize(ww).add(cst) : k10.resize(ww).sub(-cst);
            outs.add(clamp(rshVar(prod, base.add(s10.resize(ww)))));
        }
        return new Result(p10, outs);
    }

    // ---------------------------------------------------------------- shared pieces

    /**
     * Pass-1 max: A2..A(t+1) a registered lane max tree, A(t+2) the running max; the result is the row's max held
     * from {@code Lb + t + 2} (the first beat's x-store read) for the row.
     */
    private SInt rowMax(Tag a1, List<SInt> x1) {
        int wi = cfg.input().width();
        List<SInt> level = x1;
        Tag tag = a1;
        while (level.size() > 1) {
            List<SInt> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 < level.size()) {
                    SInt u = level.get(i), v = level.get(i + 1);
                    next.add(r(mux(u.ge(v), u, v)));
                } else next.add(r(level.get(i)));
            }
            level = next;
            tag = next(tag);
        }
        SInt beatMax = level.getFirst();
        SInt runMax = Reg(SInt.type(wi));
        Tag tr = tag;
        when(ce.and(tr.valid()), () -> runMax.assign(mux(tr.first().or(runMax.lt(beatMax)), beatMax, runMax)));
        Bool runMaxDone = rb(tr.valid().and(tr.last()));
        SInt mHold = RegNextWhen(runMax, ce.and(runMaxDone));

        return mHold;
    }

    /** A registered lane sum tree ({@code t} levels) and a row accumulator; {@code tagOut[0]} is the accumulator's tag. */
    private UInt rowSum(Tag in, List<UInt> values, int w, Tag[] tagOut) {
        List<UInt> sums = new ArrayList<>();
        for (UInt v : values) sums.add(v.resize(w));
        Tag tag = in;
        while (sums.size() > 1) {
            List<UInt> next = new ArrayList<>();
            for (int i = 0; i < sums.size(); i += 2) next.add(r(i + 1 < sums.size() ? sums.get(i).add(sums.get(i + 1)) : sums.get(i)));
            sums = next;
            tag = next(tag);
        }
        UInt beatSum = sums.getFirst();
        UInt acc = Reg(UInt.type(w));
        Tag ts = tag;
        when(ce.and(ts.valid()), () -> acc.assign(mux(ts.first(), beatSum, acc.add(beatSum))));
        tagOut[0] = ts;
        return acc;
    }

    /** A fixed delay line of {@code delay} beats (in ce time), read through a register: the tag and the data. */
    private record Store(Tag tag, Bits data) {}

    private Store store(Tag in, Bits data, int delay) {
        int width = data.width() + 3;
        Mem<Bits> mem = Mem.of(Bits.type(width), delay);
        UInt ptr = RegInit(UInt.lit(0, mem.addressWidth()));
        Bool primed = RegInit(False());
        Bool wrap = ptr.eq(delay - 1);
        when(ce, () -> {
            ptr.assign(mux(wrap, UInt.lit(0, ptr.width()), ptr.add(1)));
            when(wrap, () -> primed.assign(True()));
        });
        Bits word = r(mem.readAsync(ptr));
        Bool primedR = rb(primed);
        mem.write(ptr, cat(in.valid(), in.first(), in.last(), data), ce);
        Tag tag = new Tag(primedR.and(word.bit(width - 1)), word.bit(width - 2), word.bit(width - 3));
        return new Store(tag, word.bits(width - 4, 0));
    }

    private record Recip(Bool valid, UInt k, UInt r, SInt side) {}

    /**
     * Fully pipelined {@code k = lead(S)}, {@code R = recip_q(S) = (floor(2^(k+q+1)/S) + 1) >> 1}: R1 normalises,
     * R2..R(q+3) are one quotient bit each (restoring, constant dividend), R(q+4) rounds. q + 4 stages.
     */
    private Recip reciprocal(UInt s, Bool valid, int w, int q) { return reciprocal(s, valid, w, q, null); }

    private Recip reciprocal(UInt s, Bool valid, int w, int q, SInt side) {
        int kw = log2Up(w);
        UInt k = UInt.lit(0, kw);
        for (int i = 0; i < w; i++) k = mux(s.bit(i), UInt.lit(i, kw), k);
        UInt sn0 = s.sll(UInt.lit(w - 1, kw).sub(k));
        // R1
        Bool v = rb(valid);
        UInt kr = r(k);
        UInt sn = r(sn0);
        // R2..R(q+3): rem starts at 2^(w-2); each stage doubles it and subtracts Sn when it can
        UInt quo = divide(UInt.lit(1L << (w - 2), w + 1), sn.resize(w + 1), q + 2);
        for (int i = 0; i < q + 2; i++) {
            kr = r(kr);
            v = rb(v);
        }
        // R(q+4): round
        Bool load = ce.and(v);
        UInt rr = RegNextWhen(quo.resize(q + 3).add(1).shr(1).resize(q + 1), load);
        SInt sideOut = null;
        if (side != null) {
            SInt sd = side;
            for (int i = 0; i < q + 3; i++) sd = r(sd);
            sideOut = RegNextWhen(sd, load);
        }
        return new Recip(rb(v), RegNextWhen(kr, load), rr, sideOut);
    }

    private Tag next(Tag t) { return new Tag(rb(t.valid()), r(t.first()), r(t.last())); }

    /** A register that loads {@code v} on every clock enable. */
    private <T extends Data> T r(T v) { return RegNextWhen(v, ce); }

    /**
     * A restoring divider with a constant dividend, one quotient bit a registered stage: each stage doubles the
     * remainder and subtracts the divisor when it can. Returns the {@code stages}-bit quotient, {@code stages}
     * cycles later; the divisor travels along with it.
     */
    private UInt divide(UInt remainder, UInt divisor, int stages) {
        int w = remainder.width();
        UInt rem = remainder;
        UInt quo = null;
        UInt d = divisor;
        for (int i = 0; i < stages; i++) {
            UInt dbl = rem.shl(1).resize(w);
            Bool ge = dbl.ge(d);
            UInt bit = ge.asUInt();
            UInt nextQuo = quo == null ? bit : cat(quo, bit).asUInt();
            rem = r(mux(ge, dbl.sub(d), dbl));
            quo = r(nextQuo);
            d = r(d);
        }
        return quo;
    }

    /** A control bit register (reset to 0) that loads on every clock enable. */
    private Bool rb(Bool v) { return RegNextWhen(v, ce, False()); }

    /** {@code rsh(v, s)} for a constant {@code s}: round half up; one bit wider than {@code v >> s}. */
    private static UInt rshConst(UInt v, int s) {
        if (s <= 0) return v;
        return v.resize(v.width() + 1).add(1L << (s - 1)).shr(s);
    }

    /** {@code rsh(v, sm1 + 1)} for a variable shift: {@code ((v >> sm1) + 1) >> 1}. */
    private static UInt rshVar(UInt v, UInt sm1) {
        UInt t = v.resize(v.width() + 1).srl(sm1);
        return t.add(1).shr(1);
    }

    /** {@code min(v, 2^bits - 1)} in {@code bits} bits. */
    private static UInt saturate(UInt v, int bits) {
        if (v.width() <= bits) return v.resize(bits);
        Bool over = v.bits(v.width() - 1, bits).orR();
        return mux(over, UInt.lit((1L << bits) - 1, bits), v.resize(bits));
    }

    /** {@code min(v, min(2^Fo, output.maxRaw))} in the output width. */
    private UInt clamp(UInt v) {
        int wo = cfg.output().width();
        long max = params.outMaxRaw();
        int wm = Math.max(v.width(), 64 - Long.numberOfLeadingZeros(max));
        UInt vv = v.resize(wm);
        return mux(vv.gt(UInt.lit(max, wm)), UInt.lit(max, wo), vv.resize(wo));
    }
}
