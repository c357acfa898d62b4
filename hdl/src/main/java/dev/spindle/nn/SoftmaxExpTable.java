package dev.spindle.nn;

import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.nn.softmax.SoftmaxParams;
import dev.spindle.nn.SoftmaxStages.Beat;
import dev.spindle.nn.SoftmaxStages.Lanes;
import dev.spindle.nn.SoftmaxStages.Reciprocal;
import dev.spindle.nn.SoftmaxStages.RowSum;
import dev.spindle.nn.softmax.ExpTableParams;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.nn.SoftmaxStages.rshConst;
import static dev.spindle.nn.SoftmaxStages.rshVar;
import static dev.spindle.nn.SoftmaxStages.saturate;
import static dev.spindle.nn.SoftmaxStages.vec;

/**
 * The EXP_TABLE datapath (docs/softmax.md §4): pass 1 finds the row max, pass 2 reads the row back and computes
 * {@code ê = e^-(M-x)} from two ROMs and a product and sums it, once a row the reciprocal of the sum, pass 3 scales
 * each {@code ê}. Stage names (A1, B2...) are the datasheet's.
 */
final class SoftmaxExpTable {
    private SoftmaxExpTable() {}

    /** From the input register (A1) to the values that feed the output register (C4). */
    static Lanes<UInt> build(SoftmaxStages s, ExpTableParams p, Lanes<SInt> a1) {
        if (p.beatsPerRow() == 1) return buildRow(s, p, a1);
        Pipeline pipe = s.pipe;
        int fo = s.cfg.output().fracBits();
        int e = p.e(), q = p.q();

        SInt rowMax = s.rowMax(a1);
        // B1: the x store read once the row is complete
        Lanes<SInt> b1 = s.rowStore(a1.beat(), vec(a1.values()), p.xStoreDelay());
        // B2: d = M - x, round to g fraction bits, saturate to dBits
        Beat b2 = s.next(b1.beat());
        List<UInt> dq = romIndices(s, p, rowMax, b1.values());
        // B3: ROM outputs; B4-B5: their product (two registers, a DSP); B6: rounding shift -> ê
        Beat b6 = s.next(b2, 4);
        List<UInt> expHat = new ArrayList<>();
        for (UInt index : dq) {
            UInt[] rom = romReads(pipe, p, index);
            UInt product = pipe.stages(rom[0].mul(rom[1]), 2);
            expHat.add(pipe.stage(rshConst(product, p.productShift()).resize(e + 1)));
        }

        // B7..B(t+8): lane sum tree and accumulator; R1, the divider, the rounding stage: k = lead(S) and the reciprocal, held for the row
        RowSum sum = s.rowSum(new Lanes<>(b6, expHat), p.sumWidth());
        Reciprocal recip = s.reciprocal(sum.sum(), sum.done(), p.sumWidth(), q);
        UInt rowRecip = pipe.hold(recip.r(), recip.ready());
        UInt rowLead = pipe.hold(recip.k(), recip.ready());

        // C1: the ê store read; C2-C3: ê·R; C4 (the output register): rounding shift by k + q - Fo, clamp
        Lanes<UInt> c1 = s.rowStore(b6, vec(expHat), p.eStoreDelay());
        Beat c3 = s.next(c1.beat(), 2);
        UInt lead3 = pipe.stages(rowLead, 2);
        UInt shiftMinus1 = lead3.resize(lead3.width() + 1).add(q - fo - 1);
        List<UInt> out = new ArrayList<>();
        for (UInt v : c1.values()) out.add(s.clamp(rshVar(pipe.stages(v.mul(rowRecip), 2), shiftMinus1)));
        return new Lanes<>(c3, out);
    }

    /**
     * One beat a row (lanes = length; docs/softmax.md §4, "One beat a row"): the same arithmetic as plain pipeline
     * stages, with no row stores, since every row is one beat: M the max tree (registered every second level and at
     * its end), B2 {@code d}, B3 the ROMs, B4 their product rounded to {@code ê}, S the sum tree (likewise), R1 the
     * normalisation, the radix-8 divider, R the rounded reciprocal, C1 the products {@code ê·R}; the caller's output
     * register takes the rounding shift and clamp.
     */
    static Lanes<UInt> buildRow(SoftmaxStages s, ExpTableParams p, Lanes<SInt> a1) {
        Pipeline pipe = s.pipe;
        int fo = s.cfg.output().fracBits();
        int e = p.e(), q = p.q(), treeStages = p.rowTreeStages();
        boolean oddTree = !AdderTree.endsInRegister(s.cfg.lanes(), SoftmaxParams.TREE_REGISTER_EVERY);

        SInt beatMax = MaxTree.max(a1.values(), SoftmaxParams.TREE_REGISTER_EVERY, pipe.enable());
        SInt rowMax = oddTree ? pipe.stage(beatMax) : beatMax;
        List<SInt> xm = pipe.stages(a1.values(), treeStages);
        List<UInt> dq = romIndices(s, p, rowMax, xm);
        // B3: the ROMs; B4: their product rounded to e fraction bits
        List<UInt> expHat = new ArrayList<>();
        for (UInt index : dq) {
            UInt[] rom = romReads(pipe, p, index);
            expHat.add(pipe.stage(rshConst(rom[0].mul(rom[1]), p.productShift()).resize(e + 1)));
        }
        // S: the exact sum; R1, the divider and R: k = lead(S) and the reciprocal
        UInt treeSum = AdderTree.sum(expHat, SoftmaxParams.TREE_REGISTER_EVERY, pipe.enable()).resize(p.sumWidth());
        UInt sum = oddTree ? pipe.stage(treeSum) : treeSum;
        SoftmaxStages.RowReciprocal recip = s.rowReciprocal(sum, p.sumWidth(), q);
        List<UInt> expAtR = pipe.stages(expHat, treeStages + recip.stages());
        // C1: ê·R and the shift; the output register: rounding shift by k + q - Fo, clamp
        UInt shiftMinus1 = pipe.stage(recip.k().resize(recip.k().width() + 1).add(q - fo - 1));
        List<UInt> out = new ArrayList<>();
        for (UInt v : expAtR) out.add(s.clamp(rshVar(pipe.stage(v.mul(recip.r())), shiftMinus1)));
        Beat c1 = s.next(a1.beat(), p.rowLatency() - 2);
        return new Lanes<>(c1, out);
    }

    /** B2: each lane's ROM index {@code d = M - x}, rounded to g fraction bits, saturated to dBits, registered. */
    private static List<UInt> romIndices(SoftmaxStages s, ExpTableParams p, SInt rowMax, List<SInt> xs) {
        int wi = s.cfg.input().width();
        List<UInt> dq = new ArrayList<>();
        for (SInt x : xs) {
            UInt d = rowMax.subExpand(x).asUInt().resize(wi);
            dq.add(s.pipe.stage(saturate(rshConst(d, p.dRoundBits()), p.dBits())));
        }
        return dq;
    }

    /** B3: the hi and lo ROM outputs for one index, registered ({@code expLo} the constant 1 without a lo ROM). */
    private static UInt[] romReads(Pipeline pipe, ExpTableParams p, UInt index) {
        UInt expHi = pipe.stage(Mem.of(UInt.type(p.a() + 1), p.hiTable()).readAsync(p.loBits() == 0 ? index : index.shr(p.loBits())));
        UInt expLo = pipe.stage(p.loBits() == 0 ? UInt.lit(1, 1)
                : Mem.of(UInt.type(p.b() + 1), p.loTable()).readAsync(index.takeLow(p.loBits())));
        return new UInt[] {expHi, expLo};
    }
}
