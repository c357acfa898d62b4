package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.nn.SoftmaxStages.Beat;
import dev.spindle.nn.SoftmaxStages.Lanes;
import dev.spindle.nn.SoftmaxStages.Reciprocal;
import dev.spindle.nn.softmax.Base2Params;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.Reg;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;
import static dev.spindle.nn.SoftmaxStages.rshConst;
import static dev.spindle.nn.SoftmaxStages.rshVar;
import static dev.spindle.nn.SoftmaxStages.vec;

/**
 * The BASE2 datapath (docs/softmax.md §5, Softermax-style): pass 1 computes every {@code 2^y = 2^u · m} as the row
 * arrives and merges the beats into a running integer max {@code M} and sum {@code S}; once a row the reciprocal of
 * {@code S}; pass 2 reads the row back, recomputes {@code u} and {@code m} and scales them. Stage names (A9, P10...)
 * are the datasheet's.
 */
final class SoftmaxBase2 {
    private SoftmaxBase2() {}

    /** Steps 1-3 of one lane, from a registered {@code x}: its integer exponent and mantissa, 4 and 7 stages later. */
    private record Pow2(SInt u4, SInt u, UInt m) {}

    /** x·C (A2-A3), y, u and j (A4), the ROMs (A5), their product (A6-A7), m (A8); u travels beside to A8. */
    private static Pow2 pow2(Pipeline pipe, Base2Params p, SInt x) {
        int fy = p.fy();
        SInt product = pipe.stages(x.mul(SInt.lit(p.log2e(), p.c() + 2)), 2);
        SInt y = product.resize(product.width() + 1).add(1L << (p.yShift() - 1)).shr(p.yShift());
        SInt u4 = pipe.stage(y.resize(y.width() + 1).add((1L << fy) - 1).shr(fy).resize(p.uBits()));
        UInt j4 = pipe.stage(y.neg().asUInt().takeLow(fy));
        UInt pow2Hi = pipe.stage(Mem.of(UInt.type(p.a() + 1), p.hiTable()).readAsync(p.loBits() == 0 ? j4 : j4.shr(p.loBits())));
        UInt pow2Lo = pipe.stage(p.loBits() == 0 ? UInt.lit(1, 1)
                : Mem.of(UInt.type(p.b() + 1), p.loTable()).readAsync(j4.takeLow(p.loBits())));
        UInt mantissa = pipe.stages(pow2Hi.mul(pow2Lo), 2);
        UInt m = pipe.stage(rshConst(mantissa, p.productShift()).resize(p.mb() + 1));
        return new Pow2(u4, pipe.stages(u4, 4), m);
    }

    /** From the input register (A1) to the values that feed the output register (P11). */
    static Lanes<UInt> build(SoftmaxStages s, Base2Params p, Lanes<SInt> a1) {
        Pipeline pipe = s.pipe;
        int fo = s.cfg.output().fracBits();
        int t = s.treeLevels, tm = p.maxTreeExtra(), g = p.g(), mb = p.mb(), q = p.q(), w = p.sumWidth(), ub = p.uBits();

        // A2..A8: u and m per lane; beside A5..A8 the lane max tree over u -> B, t levels padded to 4 stages
        List<Pow2> lanes = new ArrayList<>();
        for (SInt x : a1.values()) lanes.add(pow2(pipe, p, x));
        List<SInt> u4 = new ArrayList<>();
        for (Pow2 lane : lanes) u4.add(lane.u4());
        SInt beatMax = pipe.stages(MaxTree.max(u4, 1, pipe.enable()), Math.max(0, 4 - t));
        // (with more than 4 levels, m and u wait tm stages for the tree)
        Beat a9 = s.next(a1.beat(), 8 + tm);
        // A9: per-lane terms (m << (g - mb)) >> (B - u)
        List<UInt> terms = new ArrayList<>();
        for (Pow2 lane : lanes) {
            UInt distance = beatMax.subExpand(pipe.stages(lane.u(), tm)).asUInt().resize(ub + 1);
            terms.add(pipe.stage(pipe.stages(lane.m(), tm).shl(g - mb).srl(distance)));
        }
        // A10..: lane sum tree -> T, with B carried beside
        UInt beatSum = AdderTree.sum(terms, 1, pipe.enable()).resize(w);
        SInt beatMaxT = pipe.stages(beatMax, 1 + t);
        Beat merge = s.next(a9, t);

        // A(10+t): merge into (M, S); one of the two shifts is always 0
        SInt rowMax = Reg(SInt.type(ub));
        UInt rowSum = Reg(UInt.type(w));
        SInt newMax = mux(rowMax.lt(beatMaxT), beatMaxT, rowMax);
        UInt rowShift = newMax.subExpand(rowMax).asUInt().resize(ub + 1);
        UInt beatShift = newMax.subExpand(beatMaxT).asUInt().resize(ub + 1);
        when(pipe.enable().and(merge.valid()), () -> {
            when(merge.first(), () -> { rowMax.assign(beatMaxT); rowSum.assign(beatSum); })
                    .otherwise(() -> { rowMax.assign(newMax); rowSum.assign(rowSum.srl(rowShift).add(beatSum.srl(beatShift))); });
        });
        Bool rowDone = pipe.valid(merge.rowEnd());

        // R1, the divider, the rounding stage: lead and reciprocal; R, k and M held for the row
        Reciprocal recip = s.reciprocal(rowSum, rowDone, w, q);
        SInt rowMaxHeld = pipe.hold(pipe.stages(rowMax, 1 + p.dividerStages()), recip.load());

        // P1..P8: the x store read once R is ready, u and m recomputed
        Lanes<SInt> x1 = s.rowStore(a1.beat(), vec(a1.values()), p.xStoreDelay());
        Beat p10 = s.next(x1.beat(), 9);
        // P9-P10: m·R and s = M - u; P11 (the output register): rounding shift by k + s + (q + mb - g - Fo), clamp
        int constShift = q + mb - g - fo - 1;
        UInt lead10 = pipe.stages(recip.k(), 2);
        List<UInt> out = new ArrayList<>();
        for (SInt x : x1.values()) {
            Pow2 lane = pow2(pipe, p, x);
            UInt product = pipe.stages(lane.m().mul(recip.r()), 2);
            UInt scale = pipe.stages(rowMaxHeld.subExpand(lane.u()).asUInt().resize(ub + 1), 2);
            int ww = Math.max(lead10.width(), scale.width()) + 3;
            UInt base = constShift >= 0 ? lead10.resize(ww).add(constShift) : lead10.resize(ww).sub(-constShift);
            out.add(s.clamp(rshVar(product, base.add(scale.resize(ww)))));
        }
        return new Lanes<>(p10, out);
    }
}
