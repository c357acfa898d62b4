package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxParams;

import java.util.List;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.Reg;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.typeOf;
import static dev.spindle.hdl.Hdl.when;

/**
 * What the three softmax datapaths share (docs/softmax.md §7): the beat tag, the pass-1 row max, the lane sum with
 * its row accumulator, the row store, the once-a-row reciprocal and divider, and the rounding helpers. Every register
 * is a stage of the unit's one {@link Pipeline}, so the whole unit stalls as one on back-pressure.
 */
final class SoftmaxStages {

    /** Where a beat is in its row, carried beside the data: beat present, first and last beat of its row. */
    record Beat(Bool valid, Bool first, Bool last) {
        Bool rowEnd() { return valid.and(last); }
    }

    /** One beat's lanes with its tag. */
    record Lanes<T extends Data>(Beat beat, List<T> values) {}

    final Pipeline pipe;
    final SoftmaxConfig cfg;
    final SoftmaxParams params;
    /** Beats per row, {@code Lb}. */
    final int beatsPerRow;
    /** Levels of a lane tree, {@code t = ceil(log2 lanes)} (BASE2 registers each). */
    final int treeLevels;
    /** Registered stages of the row max and row sum trees, {@link SoftmaxParams#treeStages()}. */
    final int treeStages;

    SoftmaxStages(Pipeline pipe, SoftmaxParams params) {
        this.pipe = pipe;
        this.cfg = params.config();
        this.params = params;
        this.beatsPerRow = params.beatsPerRow();
        this.treeLevels = params.treeLevels();
        this.treeStages = params.treeStages();
    }

    /** The tag one stage later. */
    Beat next(Beat b) { return new Beat(pipe.valid(b.valid()), pipe.stage(b.first()), pipe.stage(b.last())); }

    /** The tag {@code n} stages later. */
    Beat next(Beat b, int n) {
        Beat t = b;
        for (int i = 0; i < n; i++) t = next(t);
        return t;
    }

    /**
     * Pass-1 max: a lane max tree registered every second level ({@code ts} stages), then the running max over the
     * row; returns the row's max, held from the stage after the row's last beat for the whole next row time.
     */
    SInt rowMax(Lanes<SInt> in) {
        SInt beatMax = MaxTree.max(in.values(), SoftmaxParams.TREE_REGISTER_EVERY, pipe.enable());
        Beat beat = next(in.beat(), treeStages);
        SInt runMax = Reg(SInt.type(cfg.input().width()));
        when(pipe.enable().and(beat.valid()),
                () -> runMax.assign(mux(beat.first().or(runMax.lt(beatMax)), beatMax, runMax)));
        Bool rowDone = pipe.valid(beat.rowEnd());
        return pipe.hold(runMax, rowDone);
    }

    /** A row's exact sum of {@code width} bits and the pulse, one stage after its last beat, that says it is final. */
    record RowSum(UInt sum, Bool done) {}

    /** A lane adder tree registered every second level ({@code ts} stages) and the row accumulator behind it. */
    RowSum rowSum(Lanes<UInt> in, int width) {
        UInt beatSum = AdderTree.sum(in.values(), SoftmaxParams.TREE_REGISTER_EVERY, pipe.enable()).resize(width);
        Beat beat = next(in.beat(), treeStages);
        UInt acc = Reg(UInt.type(width));
        when(pipe.enable().and(beat.valid()), () -> acc.assign(mux(beat.first(), beatSum, acc.add(beatSum))));
        return new RowSum(acc, pipe.valid(beat.rowEnd()));
    }

    /**
     * A row store: beats are written as they arrive (gaps skipped), and each row is read back as one gap-free run of
     * {@code Lb} beats that starts {@code delay - Lb + 1} stages after its last beat was written, i.e. {@code delay}
     * stages after its first for a gap-free row. Rows reach the store at least {@code Lb} stages apart, so reads of two
     * rows never overlap, and a beat is overwritten only by the {@code delay}-th write after it, which cannot come
     * before its read. The read goes through one register.
     */
    <T extends Data> Lanes<T> rowStore(Beat in, Vec<T> data, int delay) {
        int lb = beatsPerRow;
        Mem<Vec<T>> mem = Mem.of(typeOf(data), delay);
        UInt writePtr = RegInit(UInt.lit(0, mem.addressWidth()));
        UInt readPtr = RegInit(UInt.lit(0, mem.addressWidth()));
        Bool write = pipe.enable().and(in.valid());
        mem.write(writePtr, data, write);
        when(write, () -> writePtr.assign(wrapIncrement(writePtr, delay)));

        Bool start = pipe.valid(in.rowEnd(), delay - lb + 1);
        UInt readBeat = RegInit(UInt.lit(0, log2Up(lb)));
        Bool reading = RegInit(False());
        Bool issue = start.or(reading);
        Bool lastRead = readBeat.eq(lb - 1);
        when(pipe.enable().and(issue), () -> {
            reading.assign(lastRead.not());
            readBeat.assign(mux(lastRead, UInt.lit(0, readBeat.width()), readBeat.add(1)));
            readPtr.assign(wrapIncrement(readPtr, delay));
        });
        Beat beat = new Beat(pipe.valid(issue), pipe.stage(reading.not()), pipe.stage(lastRead));
        Vec<T> word = pipe.stage(mem.readAsync(readPtr));
        List<T> lanes = new java.util.ArrayList<>();
        for (T lane : word) lanes.add(lane);
        return new Lanes<>(beat, lanes);
    }

    /** {@code ptr + 1}, back to 0 after {@code depth - 1}. */
    private static UInt wrapIncrement(UInt ptr, int depth) {
        return mux(ptr.eq(depth - 1), UInt.lit(0, ptr.width()), ptr.add(1));
    }

    /**
     * A row's reciprocal: {@code k = lead(S)} and {@code R = recip_q(S)}, loaded in the stage in which {@code load}
     * holds; {@code ready} pulses one stage later, when they hold the row's values.
     */
    record Reciprocal(UInt k, UInt r, Bool load, Bool ready) {}

    /**
     * Fully pipelined {@code k = lead(S)}, {@code R = recip_q(S) = (floor(2^(k+q+1)/S) + 1) >> 1} of a {@code width}-bit
     * {@code S} that is final while {@code done} pulses: R1 normalises, then the {@code q + 2} quotient bits (restoring,
     * constant dividend) in {@link SoftmaxParams#dividerStages} stages, then one stage rounds and holds {@code R} and
     * {@code k} for the row.
     */
    Reciprocal reciprocal(UInt s, Bool done, int width, int q) {
        int kw = log2Up(width);
        UInt lead = lead(s, width);
        UInt normalised = s.sll(UInt.lit(width - 1, kw).sub(lead));
        // R1
        Bool valid1 = pipe.valid(done);
        UInt k1 = pipe.stage(lead);
        UInt sn = pipe.stage(normalised);
        // the divider: the remainder starts at 2^(width-2) < Sn
        int stages = SoftmaxParams.dividerStages(q + 2);
        UInt quotient = divide(UInt.lit(1L << (width - 2), width + 1), sn.resize(width + 1), q + 2);
        Bool load = pipe.valid(valid1, stages);
        UInt kq = pipe.stages(k1, stages);
        // the last stage: round
        UInt r = pipe.hold(quotient.resize(q + 3).add(1).shr(1).resize(q + 1), load);
        return new Reciprocal(pipe.hold(kq, load), r, load, pipe.valid(load));
    }

    /** The position of the leading one of a {@code width}-bit {@code s} (0 for 0), {@code log2Up(width)} bits. */
    private static UInt lead(UInt s, int width) {
        int kw = log2Up(width);
        UInt lead = UInt.lit(0, kw);
        for (int i = 0; i < width; i++) lead = mux(s.bit(i), UInt.lit(i, kw), lead);
        return lead;
    }

    /** A one-beat row's {@code k = lead(S)} and {@code R = recip_q(S)}, {@code stages} registers after S. */
    record RowReciprocal(UInt k, UInt r, int stages) {}

    /**
     * {@link #reciprocal}'s arithmetic as a plain pipeline, for rows of one beat: R1 normalises {@code S} and, beside
     * it, {@code 3S}, {@code 5S} and {@code 7S} by the same shift (the products before the shift, so the adders run in
     * parallel with the leading-one detector); {@link #divideRadix8} gives the quotient's {@code q + 2} bits; R
     * rounds. {@code k} travels alongside.
     */
    RowReciprocal rowReciprocal(UInt s, int width, int q) {
        int kw = log2Up(width), ww = width + 3;
        UInt lead = lead(s, width);
        UInt shift = UInt.lit(width - 1, kw).sub(lead);
        UInt s1 = s.resize(ww);
        UInt k1 = pipe.stage(lead);
        UInt sn = pipe.stage(s1.sll(shift).resize(ww));
        UInt sn3 = pipe.stage(s1.add(s1.shl(1).resize(ww)).sll(shift).resize(ww));
        UInt sn5 = pipe.stage(s1.add(s1.shl(2).resize(ww)).sll(shift).resize(ww));
        UInt sn7 = pipe.stage(s1.shl(3).resize(ww).sub(s1).sll(shift).resize(ww));
        int stages = SoftmaxParams.radix8DividerStages(q + 2);
        UInt quotient = divideRadix8(sn, sn3, sn5, sn7, width, q + 2);
        UInt kq = pipe.stages(k1, stages);
        UInt r = pipe.stage(quotient.resize(q + 3).add(1).shr(1).resize(q + 1));
        return new RowReciprocal(pipe.stage(kq), r, stages + 2);
    }

    /**
     * {@code floor(2^(w-2)·2^bits / d)} for a normalised {@code w}-bit {@code d} (its top bit set), given with its
     * multiples {@code 3d}, {@code 5d}, {@code 7d} ({@code w + 3} bits each), in {@link SoftmaxParams#radix8DividerStages}
     * registered stages of up to three quotient bits (the first {@code bits mod 3} when that is not 0): the remainder
     * shifted by the digit's width against every multiple of {@code d} below {@code 2^digit} at once, the largest that
     * fits subtracted (the same restoring division, three steps merged). The multiples travel along.
     */
    UInt divideRadix8(UInt d, UInt m3, UInt m5, UInt m7, int w, int bits) {
        int ww = w + 3;
        UInt rem = UInt.lit(1L << (w - 2), ww);
        UInt quo = null;
        int left = bits;
        int digit = left % 3 == 0 ? 3 : left % 3;
        while (left > 0) {
            UInt[] multiple = {null, d, d.shl(1).resize(ww), m3, d.shl(2).resize(ww), m5, m3.shl(1).resize(ww), m7};
            UInt shifted = rem.shl(digit).resize(ww);
            int options = 1 << digit;
            Vec<UInt> next = Vec.of(UInt.type(ww), options);
            next.get(0).assign(shifted);
            UInt value = UInt.lit(0, digit);
            for (int k = 1; k < options; k++) {      // the largest k that fits (the fits are monotone in k)
                next.get(k).assign(shifted.sub(multiple[k]));
                value = mux(shifted.ge(multiple[k]), UInt.lit(k, digit), value);
            }
            UInt digitValue = value;
            rem = pipe.stage(next.read(digitValue));
            quo = pipe.stage(quo == null ? digitValue : cat(quo, digitValue).asUInt());
            left -= digit;
            if (left > 0) {
                d = pipe.stage(d);
                m3 = pipe.stage(m3);
                m5 = pipe.stage(m5);
                m7 = pipe.stage(m7);
            }
            digit = 3;
        }
        return quo;
    }

    /**
     * A restoring divider with a constant dividend {@code remainder < divisor}: the {@code bits}-bit quotient
     * {@code floor(remainder·2^bits / divisor)}, most significant bit first, {@link SoftmaxParams#dividerStages}
     * registered stages later. The first one or two stages give one bit each (quadruple the remainder is computed
     * beside them, {@code 3·divisor}), the others two: the remainder times four against the divisor times 1, 2 and 3
     * at once, the largest that fits subtracted. The divisor travels along.
     */
    UInt divide(UInt remainder, UInt divisor, int bits) {
        int w = remainder.width();
        int single = SoftmaxParams.singleBitStages(bits);
        UInt rem = remainder;
        UInt quo = null;
        UInt d = divisor;
        UInt d3 = null;
        for (int i = 0; i < single; i++) {
            UInt doubled = rem.shl(1).resize(w);
            Bool fits = doubled.ge(d);
            UInt bit = fits.asUInt();
            UInt nextQuo = quo == null ? bit : cat(quo, bit).asUInt();
            rem = pipe.stage(mux(fits, doubled.sub(d), doubled));
            quo = pipe.stage(nextQuo);
            if (i == single - 1) d3 = pipe.stage(d.resize(w + 1).add(d.resize(w + 1).shl(1).resize(w + 1)));
            d = pipe.stage(d);
        }
        for (int i = 0; i < (bits - single) / 2; i++) {
            UInt quad = rem.resize(w + 1).shl(2).resize(w + 1);
            UInt d1 = d.resize(w + 1);
            UInt d2 = d1.shl(1).resize(w + 1);
            Bool fits1 = quad.ge(d1);
            Bool fits2 = quad.ge(d2);
            Bool fits3 = quad.ge(d3);
            UInt next = mux(fits3, quad.sub(d3), mux(fits2, quad.sub(d2), mux(fits1, quad.sub(d1), quad)));
            UInt digit = cat(fits2, fits3.or(fits1.and(fits2.not()))).asUInt();
            rem = pipe.stage(next.resize(w));
            quo = pipe.stage(cat(quo, digit).asUInt());
            d = pipe.stage(d);
            d3 = pipe.stage(d3);
        }
        return quo;
    }

    /** {@code rsh(v, s)} for a constant {@code s}: round half up; one bit wider than {@code v >> s}. */
    static UInt rshConst(UInt v, int s) {
        if (s <= 0) return v;
        return v.resize(v.width() + 1).add(1L << (s - 1)).shr(s);
    }

    /** {@code rsh(v, sm1 + 1)} for a variable shift: {@code ((v >> sm1) + 1) >> 1}. */
    static UInt rshVar(UInt v, UInt sm1) {
        UInt t = v.resize(v.width() + 1).srl(sm1);
        return t.add(1).shr(1);
    }

    /** {@code min(v, 2^bits - 1)} in {@code bits} bits. */
    static UInt saturate(UInt v, int bits) {
        if (v.width() <= bits) return v.resize(bits);
        Bool over = v.bits(v.width() - 1, bits).orR();
        return mux(over, UInt.lit((1L << bits) - 1, bits), v.resize(bits));
    }

    /** {@code min(v, min(2^Fo, output.maxRaw))} in the output width. */
    UInt clamp(UInt v) {
        int wo = cfg.output().width();
        long max = params.outMaxRaw();
        int wm = Math.max(v.width(), 64 - Long.numberOfLeadingZeros(max));
        UInt vv = v.resize(wm);
        return mux(vv.gt(UInt.lit(max, wm)), UInt.lit(max, wo), vv.resize(wo));
    }

    /** The values as a {@link Vec} (to store or register a beat as one word). */
    static <T extends Data> Vec<T> vec(List<T> values) {
        Vec<T> v = Vec.of(typeOf(values.getFirst()), values.size());
        for (int i = 0; i < values.size(); i++) v.get(i).assign(values.get(i));
        return v;
    }
}
