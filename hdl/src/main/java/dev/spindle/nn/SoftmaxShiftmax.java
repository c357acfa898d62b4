package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.nn.SoftmaxStages.Beat;
import dev.spindle.nn.SoftmaxStages.Lanes;
import dev.spindle.nn.SoftmaxStages.RowSum;
import dev.spindle.nn.softmax.ShiftmaxParams;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.nn.SoftmaxStages.rshConst;
import static dev.spindle.nn.SoftmaxStages.vec;

/**
 * The SHIFTMAX datapath (docs/softmax.md §6, I-ViT): pass 1 finds the row max, pass 2 reads the row back and computes
 * {@code E = 2^(D·log2 e)} with shifts and adds and sums it, once a row {@code F = floor(2^k / S)}, pass 3 scales each
 * {@code E}. Stage names (B2, C1...) are the datasheet's.
 */
final class SoftmaxShiftmax {
    private SoftmaxShiftmax() {}

    /** From the input register (A1) to the values that feed the output register (C4). */
    static Lanes<UInt> build(SoftmaxStages s, ShiftmaxParams p, Lanes<SInt> a1) {
        Pipeline pipe = s.pipe;
        int wi = s.cfg.input().width(), fi = s.cfg.input().fracBits(), fo = s.cfg.output().fracBits();
        int fe = p.fe(), k = p.k(), w = p.sumWidth();

        SInt rowMax = s.rowMax(a1);
        // B1: the x store read once the row is complete
        Lanes<SInt> b1 = s.rowStore(a1.beat(), vec(a1.values()), p.xStoreDelay());
        // B2: D = x - M; B3: P = D + (D >> 1) - (D >> 4) (D·log2 e); B4: q, r, E (a barrel shift)
        Beat b4 = s.next(b1.beat(), 3);
        int c = fe - fi - 1;
        List<UInt> exps = new ArrayList<>();
        for (SInt x : b1.values()) {
            SInt d = pipe.stage(x.subExpand(rowMax)).resize(wi + 2);
            SInt scaled = pipe.stage(d.add(d.sra(1)).sub(d.sra(4)));
            UInt negP = scaled.neg().asUInt();
            UInt intPart = negP.shr(fi);
            UInt fracPart = fi == 0 ? UInt.lit(0, 1) : negP.takeLow(fi);
            UInt linear = UInt.lit(1L << (fi + 1), fi + 2).sub(fracPart.resize(fi + 2));
            UInt wide = linear.shl(Math.max(c, 0));
            UInt amount = intPart.resize(intPart.width() + 1 + log2Up(Math.max(-c, 0) + 1)).add(Math.max(-c, 0));
            exps.add(pipe.stage(wide.srl(amount).resize(fe + 1)));
        }

        // B5..B(t+6): lane sum tree and accumulator; D1..: F = floor(2^k / S), its k - fe + 1 bits two a stage
        RowSum sum = s.rowSum(new Lanes<>(b4, exps), w);
        int stages = p.dividerStages();
        UInt quotient = s.divide(UInt.lit(1L << (fe - 1), w + 1), sum.sum().resize(w + 1), k - fe + 1);
        Bool factorDone = pipe.valid(sum.done(), stages);
        UInt factor = pipe.hold(quotient, factorDone);

        // C1: the E store read; C2-C3: E·F; C4 (the output register): rounding shift by k - Fo, clamp
        Lanes<UInt> c1 = s.rowStore(b4, vec(exps), p.eStoreDelay());
        Beat c3 = s.next(c1.beat(), 2);
        List<UInt> out = new ArrayList<>();
        for (UInt e : c1.values()) out.add(s.clamp(rshConst(pipe.stages(e.mul(factor), 2), k - fo)));
        return new Lanes<>(c3, out);
    }
}
