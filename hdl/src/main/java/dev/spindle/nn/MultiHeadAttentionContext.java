package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.nn.MultiHeadAttentionParts.Counter;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.when;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.nn.MultiHeadAttentionParts.pick;

/**
 * The context datapath of {@link MultiHeadAttention}: for each probability beat ({@code lanes} keys of one (query,
 * head) row, every head lane at once) C1 the probabilities and the selected values, C2 the products, the registered
 * adder tree over the lanes, the row accumulator, then {@code c = sat_C(rsh(Σ_u p·v, Fp+Fv-Fc))} (combinational,
 * into the caller's context register). {@link MultiHeadAttentionConfig#contextStages()} stages to the accumulator.
 * With {@link MultiHeadAttentionConfig#directRows()} there is no C1 (the softmax's output register times the value
 * registers) and, when the lane tree ends in a register, no accumulator.
 */
final class MultiHeadAttentionContext {
    private MultiHeadAttentionContext() {}

    /**
     * A row's contexts, valid for one enabled cycle when {@code done}: {@code values[head lane][d]} of head
     * {@code head} within each lane; {@code release}: the sequence's last beat was taken (the value buffer is free).
     */
    record Out(Bool done, UInt head, Bool lastHead, List<List<SInt>> values, Bool release) {}

    /** {@code fire}: a probability beat is taken this cycle; {@code probs[head lane][lane]} raw, zero-extended. */
    static Out build(MultiHeadAttentionConfig c, Pipeline pipe, Bool fire, List<List<SInt>> probs, List<List<SInt>> values) {
        int lanes = c.lanes(), hpl = c.headsPerLane(), dv = c.valueDim(), pre = c.contextStages();
        Counter beat = Counter.of("contextBeat", c.beatsPerRow(), fire);
        Counter head = Counter.of("contextHead", hpl, fire.and(beat.last()));
        Counter query = Counter.of("contextQuery", c.tokens(), fire.and(beat.last()).and(head.last()));
        Bool release = fire.and(beat.last()).and(head.last()).and(query.last());

        Bool accValid = pipe.valid(fire, pre);
        Bool accFirst = pipe.stages(beat.value().eq(0), pre);
        Bool accLast = pipe.stages(beat.last(), pre);
        UInt accHead = pipe.stages(head.value(), pre);
        boolean accumulate = c.contextAccumulates();
        Bool done = accumulate ? pipe.valid(accValid.and(accLast)) : accValid;
        UInt doneHead = accumulate ? pipe.stage(accHead) : accHead;
        boolean direct = c.directRows();
        Bool lastHead = hpl == 1 ? dev.spindle.hdl.Hdl.True() : doneHead.eq(hpl - 1);

        int accWidth = c.contextSumWidth();
        List<List<SInt>> out = new ArrayList<>();
        for (int g = 0; g < c.headLanes(); g++) {
            int firstHead = g * hpl;
            List<SInt> p1 = direct ? probs.get(g) : pipe.stage(probs.get(g));     // direct: the softmax's output register
            List<List<SInt>> products = new ArrayList<>();      // [d][lane]
            for (int d = 0; d < dv; d++) products.add(new ArrayList<>());
            for (int j = 0; j < lanes; j++) {
                for (int d = 0; d < dv; d++) {
                    List<SInt> byBeat = new ArrayList<>();
                    for (int b = 0; b < c.beatsPerRow(); b++) {
                        byBeat.add(pick(MultiHeadAttentionScores.headOptions(values.get(b * lanes + j), firstHead, hpl, dv, d), head.value()));
                    }
                    SInt v1 = direct ? pick(byBeat, beat.value()) : pipe.stage(pick(byBeat, beat.value()));
                    products.get(d).add(pipe.stage(p1.get(j).mul(v1)));
                }
            }
            List<SInt> contexts = new ArrayList<>();
            for (int d = 0; d < dv; d++) {
                SInt sum = AdderTree.sum(products.get(d), MultiHeadAttentionConfig.TREE_REGISTER_EVERY, pipe.enable()).resize(accWidth);
                if (!accumulate) {      // one beat a row and a registered tree sum: the row's sum itself
                    contexts.add(Linear.roundSaturate(sum, c.contextShift(), c.context()));
                    continue;
                }
                SInt acc = dev.spindle.hdl.Hdl.Reg(SInt.type(accWidth));
                when(pipe.enable().and(accValid), () -> acc.assign(mux(accFirst, sum, acc.add(sum))));
                contexts.add(Linear.roundSaturate(acc, c.contextShift(), c.context()));
            }
            out.add(contexts);
        }
        return new Out(done, doneHead, lastHead, out, release);
    }
}
