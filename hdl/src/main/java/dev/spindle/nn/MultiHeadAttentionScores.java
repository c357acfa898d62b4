package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.nn.MultiHeadAttentionParts.Counter;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.nn.MultiHeadAttentionParts.pick;

/**
 * The score datapath of {@link MultiHeadAttention}: one beat a cycle of {@code lanes} scores of one (query, head)
 * row for every head lane, {@code s = sat_S(rsh(Σ_d q·k · M, Fq+Fk+m-Fs))}, masked scores (causal, key after query)
 * the scores format's minimum. Stages ({@link MultiHeadAttentionConfig#scoreStages()}): S1 the query and key
 * selections, S2 the products, the registered adder tree over keyDim, the scale product when keyDim is not a power
 * of 4, and the rounded, saturated, masked scores (the softmax's input). With
 * {@link MultiHeadAttentionConfig#directRows()} there is no S1 (the selected query times the key registers) and the
 * rounded, masked scores go straight into the softmax's input register.
 */
final class MultiHeadAttentionScores {
    private MultiHeadAttentionScores() {}

    /** The softmax inputs: {@code valid} and {@code last} (of a row), scores {@code [head lane][lane]}; the query of the next beat to issue. */
    record Out(Bool valid, Bool last, List<List<SInt>> scores, Bool lastIssue, UInt query) {}

    /** {@code issue}: a beat enters S1 this cycle (the pipeline advances); beats run query, head, key beat. */
    static Out build(MultiHeadAttentionConfig c, Pipeline pipe, Bool issue, List<List<SInt>> queries, List<List<SInt>> keys) {
        int lanes = c.lanes(), hpl = c.headsPerLane(), dk = c.keyDim(), stages = c.scoreStages();
        Counter beat = Counter.of("issueBeat", c.beatsPerRow(), issue);
        Counter head = Counter.of("issueHead", hpl, issue.and(beat.last()));
        Counter query = Counter.of("issueQuery", c.tokens(), issue.and(beat.last()).and(head.last()));
        Bool lastIssue = beat.last().and(head.last()).and(query.last());
        Bool valid = pipe.valid(issue, stages);
        Bool last = pipe.stages(beat.last(), stages);

        // causal: key u = beat·lanes + j is masked for query t when u > t (aligned with the last stage's input)
        List<Bool> masked = new ArrayList<>();
        int wt = log2Up(c.tokens()) + 1;
        for (int j = 0; j < lanes; j++) {
            if (!c.causal()) break;
            UInt key = beat.value().resize(wt).mul(UInt.lit(lanes, wt)).resize(wt).add(UInt.lit(j, wt));
            masked.add(pipe.stages(key.gt(query.value().resize(wt)), c.directRows() ? stages : stages - 1));
        }

        FixFormatRange range = new FixFormatRange(c);
        List<List<SInt>> scores = new ArrayList<>();
        for (int g = 0; g < c.headLanes(); g++) {
            int firstHead = g * hpl;
            boolean direct = c.directRows();
            List<SInt> q1 = new ArrayList<>();
            for (int d = 0; d < dk; d++) {
                List<SInt> byToken = new ArrayList<>();
                for (List<SInt> row : queries) byToken.add(pick(headOptions(row, firstHead, hpl, dk, d), head.value()));
                q1.add(direct ? pick(byToken, query.value()) : pipe.stage(pick(byToken, query.value())));
            }
            List<SInt> laneScores = new ArrayList<>();
            for (int j = 0; j < lanes; j++) {
                List<SInt> products = new ArrayList<>();
                for (int d = 0; d < dk; d++) {
                    List<SInt> byBeat = new ArrayList<>();
                    for (int b = 0; b < c.beatsPerRow(); b++) byBeat.add(pick(headOptions(keys.get(b * lanes + j), firstHead, hpl, dk, d), head.value()));
                    SInt k1 = direct ? pick(byBeat, beat.value()) : pipe.stage(pick(byBeat, beat.value()));
                    products.add(pipe.stage(q1.get(d).mul(k1)));
                }
                SInt sum = AdderTree.sum(products, MultiHeadAttentionConfig.TREE_REGISTER_EVERY, pipe.enable());
                SInt scaled = c.exactScale() ? sum
                        : pipe.stage(sum.mul(SInt.lit(c.scaleMultiplier(), MultiHeadAttentionConfig.SCALE_BITS + 2)));
                SInt score = Linear.roundSaturate(scaled, c.scoreShift(), c.scores());
                SInt out = c.causal() ? mux(masked.get(j), range.min(), score) : score;
                laneScores.add(direct ? out : pipe.stage(out));    // direct: into the softmax's input register
            }
            scores.add(laneScores);
        }
        return new Out(valid, last, scores, lastIssue, query.value());
    }

    /** Element {@code d} of each head a lane serves, from one token's vector of heads·dim values. */
    static List<SInt> headOptions(List<SInt> row, int firstHead, int heads, int dim, int d) {
        List<SInt> o = new ArrayList<>();
        for (int h = 0; h < heads; h++) o.add(row.get((firstHead + h) * dim + d));
        return o;
    }

    /** The scores format's minimum, the value of a masked score. */
    private record FixFormatRange(MultiHeadAttentionConfig c) {
        SInt min() { return SInt.lit(c.scores().minRaw(), c.scores().width()); }
    }
}
