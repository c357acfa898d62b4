package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.transformer.AttentionSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of {@link MultiHeadAttention}: Keras {@code MultiHeadAttention} (self-attention) on {@code tokens}
 * tokens of {@code features} values, {@code heads} heads of {@code keyDim} (Q, K) and {@code valueDim} (V), an
 * optional causal mask, the format of every tensor (as {@link AttentionSpec} has them: the input, the shared weight
 * and bias formats, Q, K, V, the scores, the probabilities, the context, the output), the softmax algorithm, and
 * the parallelism:
 *
 * <ul>
 *   <li>{@code projectionParallelism}: multipliers requested per projection ({@link Linear} Q, K, V and output);
 *       each uses the largest parallelism its shape allows that is at most this ({@link #fit});</li>
 *   <li>{@code lanes}: keys per beat of the score and context products, a divisor of {@code tokens} (also the
 *       softmax unit's lanes): {@code lanes·keyDim} score and {@code lanes·valueDim} context multipliers per head
 *       lane;</li>
 *   <li>{@code parallelHeads}: every head has its own score, softmax and context datapath (else one datapath serves
 *       the heads in turn).</li>
 * </ul>
 *
 * <p>{@code folded} (docs/transformer.md, "Folded attention"): the projections were folded on the host
 * ({@code AttentionFold}), so there is no K or V projection: every head's keys and values are the input tokens
 * ({@code keyDim = valueDim = features}, {@code key = value = input}), the query projection is the folded one
 * (features to heads·features, the score scale in its weights: {@link #exactScale()} with shift 0) and the output
 * projection takes heads·features context values.
 */
public record MultiHeadAttentionConfig(int tokens, int features, int heads, int keyDim, int valueDim, boolean causal,
                                       FixFormat input, FixFormat weight, FixFormat bias, FixFormat query,
                                       FixFormat key, FixFormat value, FixFormat scores, FixFormat probs,
                                       FixFormat context, FixFormat output, SoftmaxAlgorithm softmax,
                                       int projectionParallelism, int lanes, boolean parallelHeads, boolean folded) {
    /** Fraction bits of the score scale {@code M·2^-m} when {@code keyDim} is not a power of 4. */
    public static final int SCALE_BITS = 16;
    /** Adder trees of the score, context and projection products register after every this many levels. */
    public static final int TREE_REGISTER_EVERY = 2;

    /** Unfolded. */
    public MultiHeadAttentionConfig(int tokens, int features, int heads, int keyDim, int valueDim, boolean causal,
                                    FixFormat input, FixFormat weight, FixFormat bias, FixFormat query, FixFormat key,
                                    FixFormat value, FixFormat scores, FixFormat probs, FixFormat context, FixFormat output,
                                    SoftmaxAlgorithm softmax, int projectionParallelism, int lanes, boolean parallelHeads) {
        this(tokens, features, heads, keyDim, valueDim, causal, input, weight, bias, query, key, value, scores, probs,
                context, output, softmax, projectionParallelism, lanes, parallelHeads, false);
    }

    public MultiHeadAttentionConfig {
        Require.range("tokens", tokens, 1, SoftmaxConfig.MAX_LENGTH);
        Require.range("features", features, 1, LinearConfig.MAX_SIZE);
        Require.range("heads", heads, 1, 64);
        Require.range("keyDim", keyDim, 1, 1024);
        Require.range("valueDim", valueDim, 1, 1024);
        String[] names = {"input", "weight", "bias", "query", "key", "value", "scores", "probs", "context", "output"};
        FixFormat[] formats = {input, weight, bias, query, key, value, scores, probs, context, output};
        for (int i = 0; i < names.length; i++) {
            Require.nonNull(names[i], formats[i]);
            if (i != 7) Require.that(formats[i].signed(), names[i], "must be signed (s<I>.<F>), got " + formats[i]);
        }
        Require.that(!probs.signed(), "probs", "must be unsigned (u<I>.<F>, the softmax unit's output), got " + probs);
        Require.nonNull("softmax", softmax);
        if (folded) {
            Require.that(keyDim == features && valueDim == features, "keyDim",
                    "folded: keyDim and valueDim must equal features = " + features + " (keys and values are the tokens), got "
                            + keyDim + " and " + valueDim);
            Require.that(key.equals(input) && value.equals(input), "key",
                    "folded: key and value formats must be the input's, " + input + ", got " + key + " and " + value);
        }
        Require.range("heads·keyDim", heads * keyDim, 1, LinearConfig.MAX_SIZE);
        Require.range("heads·valueDim", heads * valueDim, 1, LinearConfig.MAX_SIZE);
        Require.range("projectionParallelism", projectionParallelism, 1, Integer.MAX_VALUE);
        Require.range("lanes", lanes, 1, SoftmaxConfig.MAX_LANES);
        if (tokens % lanes != 0) {
            throw new IllegalArgumentException("lanes = " + lanes + " must divide tokens = " + tokens
                    + " (a score row is a whole number of beats): allowed " + divisors(tokens, SoftmaxConfig.MAX_LANES));
        }
        int scoreBits = scoreSumWidth(query, key, keyDim) + (folded || exactScale(keyDim) ? 0 : SCALE_BITS + 2);
        Require.range("score accumulator width (query + key widths + ceil(log2 keyDim) + scale)", scoreBits, 2, 62);
        Require.range("context accumulator width (probs + 1 + value widths + ceil(log2 tokens))",
                contextSumWidth(probs, value, tokens), 2, 62);
        // the units this one is built from check their own fields; name the part in their messages
        String[] parts = {"query projection", "key projection", "value projection", "output projection"};
        for (int i = 0; i < 4; i++) {
            if (folded && (i == 1 || i == 2)) continue;
            try {
                projection(i, tokens, features, heads, keyDim, valueDim, input, weight, bias, query, key, value, context,
                        output, projectionParallelism);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(parts[i] + ": " + e.getMessage(), e);
            }
        }
        try {
            new SoftmaxConfig(tokens, lanes, scores, probs, softmax);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("softmax (scores -> probs): " + e.getMessage(), e);
        }
    }

    /**
     * The configuration of an {@link AttentionSpec} on {@code tokens} tokens of {@code features} values in
     * {@code input}: the spec's {@code parallelism} P is the projections' request, and the score and context
     * datapaths keep pace with the projections: the fewest {@code lanes} (a divisor of tokens), heads in turn before
     * heads in parallel, whose {@link #queryCycles()} is at most the projections' token interval
     * ({@code max(output projection interval, inputInterval)}); with none, every lane and head at once.
     */
    public static MultiHeadAttentionConfig of(AttentionSpec a, int tokens, int features, FixFormat input) {
        boolean f = a.folded();
        var w = a.streamedWeights();
        MultiHeadAttentionConfig c = new MultiHeadAttentionConfig(tokens, features, a.heads(), f ? features : a.keyDim(),
                f ? features : a.valueDim(), a.causal(), input, w.weight(), w.bias(), a.query(), f ? input : a.key(),
                f ? input : a.value(), a.scores(), a.probs(), a.context(), a.output(), a.softmax(), a.parallelism(), 1,
                false, f);
        int period = Math.max(c.outputProjection().interval(), c.inputInterval());
        List<Integer> lanes = new ArrayList<>();
        for (int l = 1; l <= Math.min(tokens, SoftmaxConfig.MAX_LANES); l++) if (tokens % l == 0) lanes.add(l);
        for (boolean parallel : a.heads() > 1 ? new boolean[] {false, true} : new boolean[] {false}) {
            for (int l : lanes) {
                MultiHeadAttentionConfig k = c.withParallelism(c.projectionParallelism(), l, parallel);
                if (k.queryCycles() <= period) return k;
            }
        }
        return c.withParallelism(c.projectionParallelism(), lanes.getLast(), a.heads() > 1);
    }

    /** This configuration with other parallelism: the projections' request, the lanes and parallel heads. */
    public MultiHeadAttentionConfig withParallelism(int projection, int lanes, boolean parallelHeads) {
        return new MultiHeadAttentionConfig(tokens, features, heads, keyDim, valueDim, causal, input, weight, bias, query,
                key, value, scores, probs, context, output, softmax, projection, lanes, parallelHeads, folded);
    }

    /** The largest parallelism of {@code allowed} (ascending) that is at most {@code request}. */
    public static int fit(List<Integer> allowed, int request) {
        int best = allowed.getFirst();
        for (int p : allowed) if (p <= request) best = p;
        return best;
    }

    private static LinearConfig projection(int which, int tokens, int features, int heads, int keyDim, int valueDim,
                                           FixFormat input, FixFormat weight, FixFormat bias, FixFormat query,
                                           FixFormat key, FixFormat value, FixFormat context, FixFormat output,
                                           int request) {
        int in = which == 3 ? heads * valueDim : features;
        int out = switch (which) {
            case 0, 1 -> heads * keyDim;
            case 2 -> heads * valueDim;
            default -> features;
        };
        FixFormat x = which == 3 ? context : input;
        FixFormat y = switch (which) {
            case 0 -> query;
            case 1 -> key;
            case 2 -> value;
            default -> output;
        };
        return new LinearConfig(in, out, x, weight, bias, y, false, fit(LinearConfig.allowedParallelism(in, out), request),
                TREE_REGISTER_EVERY);
    }

    private LinearConfig projection(int which) {
        return projection(which, tokens, features, heads, keyDim, valueDim, input, weight, bias, query, key, value,
                context, output, projectionParallelism);
    }

    /** The Q projection: features to heads·keyDim values (index {@code head·keyDim + d}), in {@code query}. */
    public LinearConfig queryProjection() { return projection(0); }

    /** The K projection, in {@code key} (none when {@code folded}). */
    public LinearConfig keyProjection() { return unfolded(1); }

    /** The V projection: features to heads·valueDim values, in {@code value} (none when {@code folded}). */
    public LinearConfig valueProjection() { return unfolded(2); }

    private LinearConfig unfolded(int which) {
        if (folded) throw new IllegalStateException("a folded attention has no " + (which == 1 ? "key" : "value") + " projection");
        return projection(which);
    }

    /** The output projection: heads·valueDim context values (index {@code head·valueDim + d}) to features. */
    public LinearConfig outputProjection() { return projection(3); }

    /** The projections in weight-stream order: query, key, value, output (folded: query, output). */
    public List<LinearConfig> projections() {
        return folded ? List.of(projection(0), projection(3)) : List.of(projection(0), projection(1), projection(2), projection(3));
    }

    /** The projections the input tokens enter: Q, K and V (folded: Q). */
    public List<LinearConfig> inputProjections() {
        List<LinearConfig> all = projections();
        return all.subList(0, all.size() - 1);
    }

    /** One softmax unit: rows of {@code tokens} scores, {@code lanes} a beat, {@code scores} to {@code probs}. */
    public SoftmaxConfig softmaxConfig() { return new SoftmaxConfig(tokens, lanes, scores, probs, softmax); }

    /** Width of one weight-stream word (shared with {@link Linear}): the wider of the weight and bias formats. */
    public int wordWidth() { return Math.max(weight.width(), bias.width()); }

    /** Words in one load of the weight stream: the four projections' loads, in order. */
    public int weightWords() {
        int n = 0;
        for (LinearConfig p : projections()) n += p.weightWords();
        return n;
    }

    /** Score/softmax/context datapaths: {@code heads} when {@code parallelHeads}, else 1. */
    public int headLanes() { return parallelHeads ? heads : 1; }

    /** Heads each datapath serves in turn. */
    public int headsPerLane() { return heads / headLanes(); }

    /** Beats of one score row: {@code tokens / lanes}. */
    public int beatsPerRow() { return tokens / lanes; }

    /** Whether the score scale is an exact power of two: keyDim a power of 4, or folded (the scale is in the weights). */
    public boolean exactScale() { return folded || exactScale(keyDim); }

    /** {@code M}: the score scale's multiplier ({@code 1} when exact, else {@code round(2^16/sqrt(keyDim))}). */
    public long scaleMultiplier() { return exactScale() ? 1 : Math.round(Math.scalb(1.0, SCALE_BITS) / Math.sqrt(keyDim)); }

    /** {@code m}: the score scale's shift ({@code log4 keyDim} when exact, else 16); {@code M·2^-m = 1/sqrt(keyDim)}. */
    public int scaleShift() { return folded ? 0 : exactScale() ? Hdl.ceilLog2(keyDim) / 2 : SCALE_BITS; }

    /** Right shift from the scaled score sum to the scores format: {@code Fq + Fk + m - Fs}. */
    public int scoreShift() { return query.fracBits() + key.fracBits() + scaleShift() - scores.fracBits(); }

    /** Right shift from the context sum to the context format: {@code Fp + Fv - Fc}. */
    public int contextShift() { return probs.fracBits() + value.fracBits() - context.fracBits(); }

    /** Width of the exact score sum {@code Σ_d q·k}. */
    public int scoreSumWidth() { return scoreSumWidth(query, key, keyDim); }

    /** Width of the exact context sum {@code Σ_u p·v}. */
    public int contextSumWidth() { return contextSumWidth(probs, value, tokens); }

    /**
     * Whether a score row is one beat of one head ({@code beatsPerRow = 1}, one head a lane): every selection but the
     * query's is then a wire, so the score datapath multiplies the selected query by the key registers at once and its
     * last stage feeds the softmax's own input register, and the context datapath multiplies the softmax's output
     * register by the value registers at once, with no row accumulator when its lane tree ends in a register.
     */
    public boolean directRows() { return beatsPerRow() == 1 && headsPerLane() == 1; }

    /**
     * Registers from a score beat's issue to the softmax input: selections, products, the adder tree over keyDim,
     * the scale product (when keyDim is not a power of 4), the rounded and saturated score; with {@link #directRows()}
     * the products (of the selected query), the tree and the scale product only.
     */
    public int scoreStages() {
        return (directRows() ? 1 : 3) + AdderTree.latency(keyDim, TREE_REGISTER_EVERY) + (exactScale() ? 0 : 1);
    }

    /**
     * Registers from a probability beat's acceptance to the context accumulator's input: selections, products, the
     * lane tree (with {@link #directRows()} no selection register).
     */
    public int contextStages() { return (directRows() ? 1 : 2) + AdderTree.latency(lanes, TREE_REGISTER_EVERY); }

    /** Whether a row's contexts go through the row accumulator: always but with {@link #directRows()} and a lane tree that ends in a register. */
    public boolean contextAccumulates() {
        return !directRows() || !AdderTree.endsInRegister(lanes, TREE_REGISTER_EVERY);
    }

    /** Cycles between accepted input tokens of a sequence, back to back: the slowest of the Q, K, V projections. */
    public int inputInterval() { return inputProjections().stream().mapToInt(LinearConfig::interval).max().orElseThrow(); }

    /** The slowest Q, K, V projection's latency: a token's acceptance to its projections' outputs. */
    public int inputLatency() { return inputProjections().stream().mapToInt(LinearConfig::latency).max().orElseThrow(); }

    /** The slower of the K and V projections' latencies (0 when folded: the tokens themselves are the keys and values). */
    public int keyValueLatency() { return folded ? 0 : Math.max(keyProjection().latency(), valueProjection().latency()); }

    /**
     * Whether score beats start once the keys and values are in, without waiting for the last queries: query t is
     * issued as soon as its projection is stored. Chosen when, gap-free, no query can then be late (query t is issued
     * {@code t·outputInterval} after the first and its token came at least {@code (tokens-1-t)·inputInterval} before
     * the last, so {@code Lq <= max(Lk, Lv) + (tokens-1)·min(inputInterval, outputInterval)} suffices), which keeps the
     * timing formulas exact; otherwise every query is waited for.
     */
    public boolean earlyIssue() {
        return queryProjection().latency() <= keyValueLatency() + (long) (tokens - 1) * Math.min(inputInterval(), outputInterval());
    }

    /** Cycles from a sequence's last token taken until its score beats may start, less one: {@link #keyValueLatency} early, else {@link #inputLatency}. */
    public int issueDelay() { return earlyIssue() ? keyValueLatency() : inputLatency(); }

    /** Cycles one query's score rows take in the score datapath: {@code headsPerLane·tokens/lanes}. */
    public int queryCycles() { return headsPerLane() * beatsPerRow(); }

    /** Cycles between output tokens: {@code max(queryCycles, steps of the output projection)}. */
    public int outputInterval() { return Math.max(queryCycles(), outputProjection().interval()); }

    /**
     * Cycles from a sequence's last input token being accepted to its first output token, gap-free and with a ready
     * consumer: {@link #issueDelay()} (the K/V projections' latency, or all three's), one cycle to see the buffers full, the score stages, the
     * softmax latency, the query's rows ({@link #queryCycles()}), the context stages and accumulator (if any), one cycle into
     * the context register, the output projection's latency.
     */
    public int latency() {
        return issueDelay() + 1 + scoreStages() + softmaxConfig().params().latency() + queryCycles() + contextStages()
                + (contextAccumulates() ? 1 : 0) + outputProjection().latency();
    }

    /**
     * Initiation interval: cycles between the first input tokens of back-to-back sequences. The next sequence is
     * taken once the last probability beat has read the value buffer: {@code (tokens-1)·inputInterval} for the
     * tokens, then {@link #issueDelay()}, score stages, softmax latency and the issue cycles,
     * {@code (tokens-1)·outputInterval + queryCycles} (queries are issued one every {@link #outputInterval()}).
     */
    public int interval() {
        return (tokens - 1) * inputInterval() + issueDelay() + scoreStages() + softmaxConfig().params().latency()
                + (tokens - 1) * outputInterval() + queryCycles() + 1;
    }

    private static boolean exactScale(int dim) { return Integer.bitCount(dim) == 1 && Integer.numberOfTrailingZeros(dim) % 2 == 0; }

    private static int scoreSumWidth(FixFormat q, FixFormat k, int dim) { return q.width() + k.width() + Hdl.ceilLog2(dim); }

    private static int contextSumWidth(FixFormat p, FixFormat v, int tokens) { return p.width() + 1 + v.width() + Hdl.ceilLog2(tokens); }

    private static String divisors(int n, int max) {
        List<String> d = new ArrayList<>();
        for (int i = 1; i <= Math.min(n, max); i++) if (n % i == 0) d.add(Integer.toString(i));
        return String.join(", ", d);
    }
}
