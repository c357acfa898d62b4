package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.Pipeline;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.nn.MultiHeadAttentionParts.Counter;
import dev.spindle.nn.MultiHeadAttentionParts.TokenBuffer;
import dev.spindle.nn.softmax.SoftmaxConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-head self-attention (Keras {@code MultiHeadAttention}, docs/transformer.md §4 "MultiHeadAttention"), bit for
 * bit {@code AttentionModel}.
 *
 * <p>Ports: {@code io_weights} (Stream of SInt words of {@link MultiHeadAttentionConfig#wordWidth()} bits, the
 * format {@link Linear} uses, always ready: the query projection's load (kernel (features, heads·keyDim) row-major,
 * then bias), then the key's, the value's and the output projection's, {@link MultiHeadAttentionConfig#weightWords()}
 * words), {@code io_input} (Stream of Fragment of a Vec of {@code features} values in {@code input}: one token a
 * beat, {@code last} on the sequence's final token; the unit counts {@code tokens} tokens itself), {@code io_output}
 * (the same shape in {@code output}, {@code last} on the final token). Folded ({@link MultiHeadAttentionConfig#folded()}):
 * the weight stream holds the folded query's load, then the folded output's; the tokens go into the query projection
 * and, as they are taken, into one buffer that is every head's keys and values.
 */
public final class MultiHeadAttention extends ConfiguredComponent<MultiHeadAttentionConfig> {
    public final TokenIo<Fragment<Vec<SFix>>> io;
    private final Bool ctxFull;

    public MultiHeadAttention(MultiHeadAttentionConfig c) {
        super(c);
        io = new TokenIo<>(c.wordWidth(), Fragment.type(Vec.type(SFix.type(c.input()), c.features())),
                Fragment.type(Vec.type(SFix.type(c.output()), c.features())));
        int tokens = c.tokens();
        List<LinearConfig> pc = c.projections();
        int parts = pc.size();
        Linear query = child(() -> new Linear(pc.get(0)));
        Linear key = c.folded() ? null : child(() -> new Linear(pc.get(1)));
        Linear value = c.folded() ? null : child(() -> new Linear(pc.get(2)));
        Linear output = child(() -> new Linear(pc.get(parts - 1)));
        List<Linear> projections = c.folded() ? List.of(query, output) : List.of(query, key, value, output);

        // ---- weight stream: each projection's load in turn (part 0..parts-1), words counted within the part
        io.weights.ready.assign(True());
        int maxWords = 0;
        for (LinearConfig p : pc) maxWords = Math.max(maxWords, p.weightWords());
        UInt weightPart = RegInit(UInt.lit(0, log2Up(parts)));
        UInt weightWord = RegInit(UInt.lit(0, log2Up(maxWords)));
        Bool partDone = False();
        for (int p = 0; p < parts; p++) partDone = partDone.or(weightPart.eq(p).and(weightWord.eq(pc.get(p).weightWords() - 1)));
        Bool lastOfPart = partDone;
        when(io.weights.fire(), () -> {
            weightWord.assign(mux(lastOfPart, UInt.lit(0, weightWord.width()), weightWord.add(1)));
            when(lastOfPart, () -> weightPart.assign(weightPart.add(1)));
        });
        for (int p = 0; p < parts; p++) {
            Linear lin = projections.get(p);
            lin.io.weights.valid.assign(io.weights.valid.and(weightPart.eq(p)));
            lin.io.weights.payload.assign(io.weights.payload);
        }

        // ---- tokens into the Q, K and V projections together (folded: Q); their outputs into the token buffers
        Bool release = Wire(Bool.type());
        UInt tokensIn = RegInit(UInt.lit(0, log2Up(tokens + 1L)));
        Bool open = tokensIn.lt(tokens);
        List<Linear> qkv = projections.subList(0, parts - 1);
        Bool allReady = open;
        for (Linear lin : qkv) allReady = allReady.and(lin.io.input.ready);
        io.input.ready.assign(allReady);
        List<SInt> token = new ArrayList<>();
        for (int i = 0; i < c.features(); i++) token.add(io.input.payload.fragment.get(i).raw());
        for (int p = 0; p < qkv.size(); p++) {
            Bool others = open;
            for (int o = 0; o < qkv.size(); o++) if (o != p) others = others.and(qkv.get(o).io.input.ready);
            Linear lin = qkv.get(p);
            lin.io.input.valid.assign(io.input.valid.and(others));
            for (int i = 0; i < c.features(); i++) lin.io.input.payload.get(i).assign(token.get(i));
        }
        when(release, () -> tokensIn.assign(UInt.lit(0, tokensIn.width())))
                .elseWhen(io.input.fire(), () -> tokensIn.assign(tokensIn.add(1)));
        TokenBuffer queries = TokenBuffer.of("queries", tokens, c.query().width(), query.io.output, release);
        TokenBuffer keys, values;
        if (c.folded()) {       // one buffer of the tokens as taken: every head's keys and values
            keys = TokenBuffer.of("tokens", tokens, c.input().width(), io.input.fire(), token, release).perHead(c.heads());
            values = keys;
        } else {
            keys = TokenBuffer.of("keys", tokens, c.key().width(), key.io.output, release);
            values = TokenBuffer.of("values", tokens, c.value().width(), value.io.output, release);
        }
        // the next beat's query: stored (early issue) or every query stored
        UInt issueQuery = Wire(UInt.type(log2Up(tokens)));
        Bool queryStored = c.earlyIssue() ? queries.count().gt(issueQuery.resize(queries.count().width())) : queries.full();
        Bool stored = queryStored.and(keys.full()).and(values.full());

        // ---- scores: one beat a cycle once the sequence is stored, into one softmax unit per head lane
        Bool scoreCe = Wire(Bool.type());
        Bool issueDone = RegInit(False());
        Bool issuing = stored.and(issueDone.not()).and(scoreCe);
        Bool lastIssued = Wire(Bool.type());
        Bool issue = issuing.and(querySlot(c, issuing, lastIssued));
        MultiHeadAttentionScores.Out scores = MultiHeadAttentionScores.build(c, new Pipeline(scoreCe), issue,
                queries.rows(), keys.rows());
        issueQuery.assign(scores.query());
        lastIssued.assign(issue.and(scores.lastIssue()));
        when(lastIssued, () -> issueDone.assign(True()))
                .elseWhen(release, () -> issueDone.assign(False()));
        SoftmaxConfig sc = c.softmaxConfig();
        List<Softmax> softmaxes = new ArrayList<>();
        Bool softmaxReady = True();
        for (int g = 0; g < c.headLanes(); g++) {
            Softmax sm = child(() -> new Softmax(sc));
            sm.io.input.valid.assign(scores.valid());
            sm.io.input.payload.last.assign(scores.last());
            for (int j = 0; j < c.lanes(); j++) sm.io.input.payload.fragment.get(j).assign(SFix.fromRaw(scores.scores().get(g).get(j), c.scores()));
            softmaxReady = softmaxReady.and(sm.io.input.ready);
            softmaxes.add(sm);
        }
        scoreCe.assign(scores.valid().not().or(softmaxReady));

        // ---- context: every head lane's probability beat at once (the softmax units run in step)
        Bool contextCe = Wire(Bool.type());
        Bool probsValid = True();
        List<List<SInt>> probs = new ArrayList<>();
        for (Softmax sm : softmaxes) {
            sm.io.output.ready.assign(contextCe);
            probsValid = probsValid.and(sm.io.output.valid);
            List<SInt> lanes = new ArrayList<>();
            for (UFix p : sm.io.output.payload.fragment) lanes.add(p.raw().toSInt());
            probs.add(lanes);
        }
        MultiHeadAttentionContext.Out ctx = MultiHeadAttentionContext.build(c, new Pipeline(contextCe),
                probsValid.and(contextCe), probs, values.rows());
        release.assign(ctx.release());

        // ---- the heads' contexts gathered for the output projection
        int dv = c.valueDim(), hpl = c.headsPerLane();
        Vec<SInt> contexts = Reg(Vec.type(SInt.type(c.context().width()), c.heads() * dv));
        Bool write = contextCe.and(ctx.done());
        for (int g = 0; g < c.headLanes(); g++) {
            for (int hh = 0; hh < hpl; hh++) {
                Bool here = hpl == 1 ? write : write.and(ctx.head().eq(hh));
                for (int d = 0; d < dv; d++) {
                    SInt target = contexts.get((g * hpl + hh) * dv + d);
                    SInt v = ctx.values().get(g).get(d);
                    when(here, () -> target.assign(v));
                }
            }
        }
        ctxFull = MultiHeadAttentionParts.flag("ctxFull", write.and(ctx.lastHead()), output.io.input.fire());
        contextCe.assign(ctxFull.not().or(output.io.input.ready));
        output.io.input.valid.assign(ctxFull);
        for (int i = 0; i < c.heads() * dv; i++) output.io.input.payload.get(i).assign(contexts.get(i));

        // ---- the output tokens
        Counter outToken = Counter.of("outToken", tokens, io.output.fire());
        io.output.valid.assign(output.io.output.valid);
        output.io.output.ready.assign(io.output.ready);
        io.output.payload.last.assign(outToken.last());
        for (int f = 0; f < c.features(); f++) io.output.payload.fragment.get(f).assign(SFix.fromRaw(output.io.output.payload.get(f), c.output()));
    }

    /**
     * When the output projection is slower than a query's score rows, queries are issued one every
     * {@code outputInterval} cycles (the first {@code queryCycles} of each period), so nothing waits inside and the
     * timing stays exact; otherwise always open.
     */
    private static Bool querySlot(MultiHeadAttentionConfig c, Bool advance, Bool restart) {
        int period = c.outputInterval();
        if (period == c.queryCycles()) return True();
        UInt slot = RegInit(UInt.lit(0, log2Up(period))).named("querySlot");
        Bool wrap = slot.eq(period - 1).or(restart);
        when(advance, () -> slot.assign(mux(wrap, UInt.lit(0, slot.width()), slot.add(1))));
        return slot.lt(c.queryCycles());
    }
}
