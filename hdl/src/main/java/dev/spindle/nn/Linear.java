package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;

import java.util.ArrayList;
import java.util.List;

/**
 * A dense layer {@code y = x·W + b} (optionally ReLU) on a MAC array whose weights and biases live in on-chip
 * memory written at run time through {@code io_weights} (docs/transformer.md, "Linear"), so one bitstream serves
 * every model of the same shape. Bit for bit equal to {@code DenseModel}.
 *
 * <p>Ports: {@code io_weights} (Stream of SInt words, {@link LinearConfig#wordWidth()} bits: every weight in
 * {@code (input, output)} row-major order, W[0][0], W[0][1], ..., then every bias; each word is the raw value in its
 * format, sign-extended; always ready), {@code io_input} (Stream of a Vec of {@code inputs} raw values, or of one beat's),
 * {@code io_output} (Stream of a Vec of {@code outputs} raw values). Weights loaded while a vector is being
 * computed may or may not be seen by it: load them first.
 *
 * <p><b>Latency</b> {@link LinearConfig#latency()} = {@code steps + 3} cycles from an input's acceptance to its
 * output, {@code steps = (inputs/pi)·(outputs/po)}, plus {@link LinearConfig#treeLatency()}; one vector every
 * {@code steps} cycles back to back. The {@code pi} products of an output neuron are summed by an {@link AdderTree}
 * before the accumulator: combinational, or registered every {@code treeRegisterEvery} levels. With one step (every
 * product at once) {@code treeLatency + 1} or {@code + 2}: the products come straight from the accepted input. With
 * {@link LinearConfig#inputBeats()} {@code > 1} {@code io_input} carries {@code inputs/inputBeats} values a beat, the
 * vector's beats in order, and the latency counts from the last beat.
 */
public final class Linear extends ConfiguredComponent<LinearConfig> {
    public final TokenIo<Vec<SInt>> io;
    private final List<List<Mem<SInt>>> weightMem = new ArrayList<>();   // [input lane][output lane]
    private final List<Mem<SInt>> biasMem = new ArrayList<>();           // [output lane]

    public Linear(LinearConfig c) {
        super(c);
        io = new TokenIo<>(c.wordWidth(), TokenIo.rawLanes(c.input().width(), c.beatValues()),
                TokenIo.rawLanes(c.output().width(), c.outputs()));
        int pi = c.inputLanes();
        int po = c.outputLanes();
        int inGroups = c.inputs() / pi;
        int outGroups = c.outputs() / po;
        int depth = c.steps();

        for (int l = 0; l < pi; l++) {
            List<Mem<SInt>> row = new ArrayList<>();
            for (int k = 0; k < po; k++) row.add(Mem.of(SInt.type(c.weight().width()), depth).named("weights_" + l + "_" + k));
            weightMem.add(row);
        }
        for (int k = 0; k < po; k++) biasMem.add(Mem.of(SInt.type(c.bias().width()), outGroups).named("biases_" + k));

        // ---- weight stream: counters (input group, input lane, output group, output lane), then the biases
        io.weights.ready.assign(True());
        UInt loadIg = RegInit(UInt.lit(0, log2Up(inGroups)));
        UInt loadL = RegInit(UInt.lit(0, log2Up(pi)));
        UInt loadOg = RegInit(UInt.lit(0, log2Up(outGroups)));
        UInt loadK = RegInit(UInt.lit(0, log2Up(po)));
        Bool loadingBias = RegInit(False());
        Bool wordFire = io.weights.fire();
        Bool lastK = loadK.eq(po - 1);
        Bool lastOg = loadOg.eq(outGroups - 1);
        Bool lastL = loadL.eq(pi - 1);
        Bool lastIg = loadIg.eq(inGroups - 1);
        when(wordFire, () -> {
            loadK.assign(mux(lastK, UInt.lit(0, loadK.width()), loadK.add(1)));
            when(lastK, () -> {
                loadOg.assign(mux(lastOg, UInt.lit(0, loadOg.width()), loadOg.add(1)));
                when(lastOg.and(loadingBias), () -> loadingBias.assign(False()));
                when(lastOg.and(loadingBias.not()), () -> {
                    loadL.assign(mux(lastL, UInt.lit(0, loadL.width()), loadL.add(1)));
                    when(lastL, () -> {
                        loadIg.assign(mux(lastIg, UInt.lit(0, loadIg.width()), loadIg.add(1)));
                        when(lastIg, () -> loadingBias.assign(True()));
                    });
                });
            });
        });
        UInt loadAddr = address(loadOg, loadIg, inGroups, depth);
        SInt word = io.weights.payload;
        for (int l = 0; l < pi; l++) {
            for (int k = 0; k < po; k++) {
                Bool here = wordFire.and(loadingBias.not()).and(loadL.eq(l)).and(loadK.eq(k));
                weightMem.get(l).get(k).write(loadAddr, word.resize(c.weight().width()), here);
            }
        }
        for (int k = 0; k < po; k++) {
            Bool here = wordFire.and(loadingBias).and(loadK.eq(k));
            biasMem.get(k).write(loadOg.resize(biasMem.get(k).addressWidth()), word.resize(c.bias().width()), here);
        }

        if (c.steps() == 1) fullyParallel(c);
        else stepped(c, inGroups, outGroups, depth);
    }

    /**
     * One step a vector (every product at once): no input register or memory-read stage; the products of the accepted
     * payload and the weight registers go straight into the adder tree, whose sum, registered (in the tree's last
     * register when it ends in one, else in {@code acc}), feeds the bias/rounding/saturation stage into the output
     * register. One pipeline, stalled as a whole while a result waits in the output register.
     */
    private void fullyParallel(LinearConfig c) {
        int pi = c.inputLanes(), po = c.outputLanes(), accW = c.accumulatorWidth();
        Bool outValid = RegInit(False());
        Bool ce = Wire(Bool.type());
        ce.assign(outValid.and(io.output.ready.not()).not());
        io.input.ready.assign(ce);
        Pipeline pipe = new Pipeline(ce);
        boolean sumRegistered = c.treeEndsInRegister();
        Bool treeValid = pipe.valid(io.input.fire(), c.treeLatency());
        Bool sumValid = sumRegistered ? treeValid : pipe.valid(treeValid);
        List<SInt> acc = new ArrayList<>();
        List<SInt> biases = new ArrayList<>();
        for (int k = 0; k < po; k++) {
            List<SInt> products = new ArrayList<>();
            for (int l = 0; l < pi; l++) {
                Mem<SInt> weight = weightMem.get(l).get(k);
                products.add(io.input.payload.get(l).mul(weight.readAsync(UInt.lit(0, weight.addressWidth()))));
            }
            SInt sum = AdderTree.sum(products, c.treeRegisterEvery(), ce).resize(accW);
            SInt a = sumRegistered ? sum : pipe.stage(sum);
            acc.add(a);
            biases.add(biasMem.get(k).readAsync(UInt.lit(0, biasMem.get(k).addressWidth())));
        }
        Vec<SInt> yHold = Reg(Vec.type(SInt.type(c.output().width()), c.outputs()));
        for (int k = 0; k < po; k++) {
            SInt yk = biasRoundSaturate(c, acc.get(k), biases.get(k));
            int index = k;
            when(ce.and(sumValid), () -> yHold.get(index).assign(yk));
        }
        when(ce.and(sumValid), () -> outValid.assign(True())).elseWhen(io.output.fire(), () -> outValid.assign(False()));
        io.output.valid.assign(outValid);
        for (int j = 0; j < c.outputs(); j++) io.output.payload.get(j).assign(yHold.get(j));
    }

    /**
     * Several steps a vector: the vector (or, with {@code inputBeats > 1}, the current beat) held while stage A steps
     * through (output group, input group); the next beat is taken in its predecessor's last step.
     */
    private void stepped(LinearConfig c, int inGroups, int outGroups, int depth) {
        int pi = c.inputLanes(), po = c.outputLanes();
        int beatGroups = c.beatValues() / pi;
        // ---- stage A steps through (output group, input group) and reads the memories
        Bool outValid = RegInit(False());
        Bool cValid = RegInit(False());
        Bool ce = Wire(Bool.type());
        ce.assign(cValid.and(outValid).and(io.output.ready.not()).not());
        Bool busy = RegInit(False());
        UInt stepIg = RegInit(UInt.lit(0, log2Up(inGroups)));
        UInt stepOg = RegInit(UInt.lit(0, log2Up(outGroups)));
        Bool stepLastIg = stepIg.eq(inGroups - 1);
        Bool lastStep = stepLastIg.and(stepOg.eq(outGroups - 1));
        // the held beat's group: the input group itself when the vector is one beat
        UInt beatGroup = c.inputBeats() == 1 ? stepIg : RegInit(UInt.lit(0, log2Up(beatGroups))).named("beatGroup");
        Bool beatDone = c.inputBeats() == 1 ? lastStep : beatGroup.eq(beatGroups - 1);
        io.input.ready.assign(ce.and(busy.not().or(beatDone)));
        Bool accept = io.input.fire();
        Vec<SInt> xHold = Reg(Vec.type(SInt.type(c.input().width()), c.beatValues()));
        when(accept, () -> {
            for (int i = 0; i < c.beatValues(); i++) xHold.get(i).assign(io.input.payload.get(i));
        });
        when(ce, () -> {
            when(busy, () -> {
                stepIg.assign(mux(stepLastIg, UInt.lit(0, stepIg.width()), stepIg.add(1)));
                when(stepLastIg, () -> stepOg.assign(mux(lastStep, UInt.lit(0, stepOg.width()), stepOg.add(1))));
                if (c.inputBeats() > 1) beatGroup.assign(mux(beatDone, UInt.lit(0, beatGroup.width()), beatGroup.add(1)));
            });
            when(accept, () -> busy.assign(True())).elseWhen(beatDone, () -> busy.assign(False()));
        });
        UInt readAddr = address(stepOg, stepIg, inGroups, depth);
        List<List<SInt>> w = new ArrayList<>();
        for (int l = 0; l < pi; l++) {
            List<SInt> row = new ArrayList<>();
            for (int k = 0; k < po; k++) row.add(weightMem.get(l).get(k).readSync(readAddr, ce));
            w.add(row);
        }
        List<SInt> b = new ArrayList<>();
        for (int k = 0; k < po; k++) b.add(biasMem.get(k).readSync(stepOg.resize(biasMem.get(k).addressWidth()), ce));
        Bool bValid = RegInit(False());
        Bool bFirst = Reg(Bool.type());
        Bool bLast = Reg(Bool.type());
        UInt bOg = Reg(UInt.type(stepOg.width()));
        List<SInt> bX = new ArrayList<>();
        for (int l = 0; l < pi; l++) {
            Vec<SInt> lane = Vec.of(SInt.type(c.input().width()), beatGroups);
            for (int g = 0; g < beatGroups; g++) lane.get(g).assign(xHold.get(g * pi + l));
            SInt xl = Reg(SInt.type(c.input().width()));
            when(ce, () -> xl.assign(beatGroups == 1 ? lane.get(0) : lane.read(beatGroup)));
            bX.add(xl);
        }
        when(ce, () -> {
            bValid.assign(busy);
            bFirst.assign(stepIg.eq(0));
            bLast.assign(stepLastIg);
            bOg.assign(stepOg);
        });

        // ---- stage B: pi products per output lane, an adder tree, the accumulators
        // (with treeRegisterEvery > 0 the tree's registers delay the sums, and the control and biases alongside)
        int accW = c.accumulatorWidth();
        List<SInt> acc = new ArrayList<>();
        Pipeline tree = new Pipeline(ce);
        int treeStages = c.treeLatency();
        Bool sValid = tree.valid(bValid, treeStages);
        Bool sFirst = tree.stages(bFirst, treeStages);
        Bool sLast = tree.stages(bLast, treeStages);
        UInt sOg = tree.stages(bOg, treeStages);
        UInt cOg = Reg(UInt.type(stepOg.width()));
        List<SInt> cBias = new ArrayList<>();
        for (int k = 0; k < po; k++) {
            List<SInt> products = new ArrayList<>();
            for (int l = 0; l < pi; l++) products.add(bX.get(l).mul(w.get(l).get(k)));
            SInt sum = AdderTree.sum(products, c.treeRegisterEvery(), ce).resize(accW);
            SInt a = RegInit(SInt.lit(0, accW));
            when(ce.and(sValid), () -> a.assign(mux(sFirst, sum, a.add(sum))));
            acc.add(a);
            SInt bk = Reg(SInt.type(c.bias().width()));
            SInt biasRead = tree.stages(b.get(k), treeStages);
            when(ce, () -> bk.assign(biasRead));
            cBias.add(bk);
        }
        Bool cLastGroup = Reg(Bool.type());
        when(ce, () -> {
            cValid.assign(sValid.and(sLast));
            cOg.assign(sOg);
            cLastGroup.assign(sOg.eq(outGroups - 1));
        });

        // ---- stage C: bias, rounding, saturation, ReLU into the output register
        Vec<SInt> yHold = Reg(Vec.type(SInt.type(c.output().width()), c.outputs()));
        for (int k = 0; k < po; k++) {
            SInt yk = biasRoundSaturate(c, acc.get(k), cBias.get(k));
            for (int g = 0; g < outGroups; g++) {
                int index = g * po + k;
                when(ce.and(cValid).and(outGroups == 1 ? True() : cOg.eq(g)), () -> yHold.get(index).assign(yk));
            }
        }
        when(ce.and(cValid).and(cLastGroup), () -> outValid.assign(True()))
                .elseWhen(io.output.fire(), () -> outValid.assign(False()));
        io.output.valid.assign(outValid);
        for (int j = 0; j < c.outputs(); j++) io.output.payload.get(j).assign(yHold.get(j));
    }

    /** Stage C: {@code sum + b} (the bias aligned to the sum's fraction bits), rounded, saturated, ReLU'd when asked. */
    private static SInt biasRoundSaturate(LinearConfig c, SInt sum, SInt bias) {
        int fIn = c.input().fracBits() + c.weight().fracBits();
        SInt total = sum.addExpand(bias.shl(fIn - c.bias().fracBits()).resize(c.accumulatorWidth()));
        SInt y = roundSaturate(total, fIn - c.output().fracBits(), c.output());
        return c.relu() ? mux(y.isNegative(), SInt.lit(0, y.width()), y) : y;
    }

    /** Memory word of (output group, input group): {@code og·inGroups + ig}. */
    private static UInt address(UInt og, UInt ig, int inGroups, int depth) {
        int aw = log2Up(depth);
        UInt scaled = og.resize(aw).mul(UInt.lit(inGroups, aw + 1)).resize(aw);
        return scaled.add(ig.resize(aw));
    }

    /** {@code sat_F((v + 2^(s-1)) >> s)} (round half up), or an exact left shift when s <= 0. */
    static SInt roundSaturate(SInt v, int s, FixFormat f) { return saturate(roundShift(v, s), f); }

    /** {@code (v + 2^(s-1)) >> s} (round half up), or an exact left shift when s <= 0. */
    static SInt roundShift(SInt v, int s) {
        if (s <= 0) return v.shl(-s);
        SInt wide = v.resize(v.width() + 1);
        return wide.add(SInt.lit(1L << (s - 1), wide.width())).shr(s);
    }

    /** {@code v} clamped to the range of {@code f}, in f's width. */
    static SInt saturate(SInt shifted, FixFormat f) {
        int w = Math.max(shifted.width(), f.width()) + 1;
        SInt x = shifted.resize(w);
        SInt max = SInt.lit(f.maxRaw(), w);
        SInt min = SInt.lit(f.minRaw(), w);
        return mux(x.gt(max), max, mux(x.lt(min), min, x)).resize(f.width());
    }
}
