package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.softmax.Base2Params;
import dev.spindle.nn.softmax.ExpTableParams;
import dev.spindle.nn.softmax.ShiftmaxParams;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxParams;
import dev.spindle.nn.transformer.BlockSpec;
import dev.spindle.nn.transformer.DenseSpec;
import dev.spindle.nn.transformer.FlattenSpec;
import dev.spindle.nn.transformer.LayerSpec;
import dev.spindle.nn.transformer.NormSpec;
import dev.spindle.nn.transformer.TransformerConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * The latency of a {@link Transformer} derived from its units' own formulas (docs/transformer.md §4, "TransformerBlock
 * and Transformer"), and
 * its multipliers: one sample, gap-free, every output taken at once. The sample's tokens are followed through the
 * chain the way {@link Transformer} builds it: a unit takes token {@code t} at {@code max(its arrival, the previous
 * take + the unit's interval)} and offers it {@code latency} cycles later (FIFOs 1 cycle, a residual join 1 cycle
 * after its later operand, {@link MultiHeadAttention}'s first output {@code latency()} after its last input, then one
 * every {@code outputInterval()}; a flatten 1 cycle after the last token). {@link #latency()} is from the first token
 * taken to the last output beat taken, what {@code spindle sim transformer} measures (there under gaps and
 * back-pressure). {@code TransformerSimTest} asserts it against the simulated network.
 *
 * <p>Multipliers are every product operator of the units (weights by activations, the attention's scores and
 * contexts, the softmax units' own, and the products by constants: the attention's score scale, LayerNorm's and
 * i-GELU's); each counts as DSP48E2 slices by its operand widths ({@link #dsps}), an upper bound where synthesis turns
 * a product by a constant into adds.
 */
public final class TransformerTiming {
    /** One layer: its name, the cycles (from the sample's first token) of its first and last output, its multipliers and DSPs. */
    public record Layer(String name, long firstOut, long lastOut, int multipliers, int dsps) {}

    private final List<Layer> layers = new ArrayList<>();
    private final long latency;

    private TransformerTiming(TransformerConfig c) {
        Tokens x = new Tokens(new long[c.sequence()], c.input(), c.features());     // every token offered at cycle 0
        List<LayerSpec> specs = c.layers();
        for (int i = 0; i < specs.size(); i++) {
            LayerSpec layer = specs.get(i);
            LinearConfig streamed = NetworkStages.streamedAfterFlatten(specs, i, x.at().length, x.lanes(), x.format());
            if (streamed != null) {     // no flatten: the dense takes the tokens, one beat each
                x = dense((DenseSpec) specs.get(++i), streamed, x, "");
                continue;
            }
            x = switch (layer) {
                case DenseSpec d -> dense(d, x, "");
                case NormSpec n -> norm(n, x, n.name());
                case FlattenSpec f -> {
                    FlattenConfig fc = new FlattenConfig(x.at().length, x.lanes(), x.format().width());
                    yield add("flatten", new Tokens(new long[] {x.last() + fc.latency()}, x.format(), x.lanes() * x.at().length), 0, 0);
                }
                case BlockSpec b -> block(new TransformerBlockConfig(b, c.sequence(), x.lanes(), x.format()), x);
            };
        }
        latency = x.last();
    }

    /** The timing of the network {@code c}. */
    public static TransformerTiming of(TransformerConfig c) { return new TransformerTiming(c); }

    /** Cycles from a sample's first token taken to its last output beat taken (gap-free, outputs always ready). */
    public long latency() { return latency; }

    /** Every unit in build order, with its output cycles and multipliers. */
    public List<Layer> layers() { return List.copyOf(layers); }

    /** Product operators in all. */
    public int multipliers() { return layers.stream().mapToInt(Layer::multipliers).sum(); }

    /** DSP48E2 slices of those products ({@link #dsps(int, int)} each). */
    public int dsps() { return layers.stream().mapToInt(Layer::dsps).sum(); }

    /**
     * DSP48E2 slices of one signed {@code a × b}-bit product (the operands' widths as the RTL gives them; an unsigned
     * operand counts one bit more): 1 when it fits the slice's 27 × 18 multiplier (so every product up to 18 × 18),
     * else the 27 × 18 tiles of the larger operand by the smaller, {@code ceil(max/27)·ceil(min/18)}.
     */
    public static int dsps(int a, int b) {
        int hi = Math.max(a, b), lo = Math.min(a, b);
        if (hi <= 27 && lo <= 18) return 1;
        return ceilDiv(hi, 27) * ceilDiv(lo, 18);
    }

    /** The table's lines: one per unit, then the totals. */
    @Override public String toString() {
        StringBuilder s = new StringBuilder();
        for (Layer l : layers) {
            s.append(String.format("%-28s first out %5d  last out %5d  multipliers %5d  dsp %5d%n", l.name(), l.firstOut(), l.lastOut(),
                    l.multipliers(), l.dsps()));
        }
        return s.append(String.format("latency %d cycles, %d multipliers, %d DSP48E2%n", latency, multipliers(), dsps())).toString();
    }

    // ---- the units: each takes a sample's tokens (when each is offered) and gives its own --------------------

    /** A sample's tokens (or its one flattened vector) at a point of the chain: when each is offered, their format and lanes. */
    private record Tokens(long[] at, FixFormat format, int lanes) {
        long last() { return at[at.length - 1]; }
    }

    private Tokens add(String name, Tokens out, int multipliers, int dsps) {
        layers.add(new Layer(name, out.at()[0], out.last(), multipliers, dsps));
        return out;
    }

    /** A unit that takes a token every {@code interval} cycles at most and offers it {@code latency} cycles after taking it. */
    private static long[] pipelined(long[] in, int interval, int latency) {
        long[] out = new long[in.length];
        long taken = Long.MIN_VALUE / 2;
        for (int i = 0; i < in.length; i++) {
            taken = Math.max(in[i], taken + interval);
            out[i] = taken + latency;
        }
        return out;
    }

    private static Tokens pipelined(Tokens in, int interval, int latency, FixFormat out, int lanes) {
        return new Tokens(pipelined(in.at(), interval, latency), out, lanes);
    }

    private Tokens dense(DenseSpec d, Tokens x, String prefix) { return dense(d, NetworkStages.linearConfig(d, x.lanes(), x.format()), x, prefix); }

    /** A Linear on {@code x}'s beats: one output per vector, {@code inputBeats} of x's beats each. */
    private Tokens dense(DenseSpec d, LinearConfig lc, Tokens x, String prefix) {
        long[] taken = pipelined(x.at(), lc.beatInterval(), lc.latency());
        long[] out = new long[taken.length / lc.inputBeats()];
        for (int v = 0; v < out.length; v++) out[v] = taken[(v + 1) * lc.inputBeats() - 1];
        Tokens y = add(prefix + d.name(), new Tokens(out, d.output(), d.units()),
                lc.parallelism(), lc.parallelism() * dsps(lc.input().width(), lc.weight().width()));
        return switch (d.activation()) {
            case GELU, SIGMOID -> {
                ActivationUnitConfig ac = NetworkStages.activationConfig(d, d.units());
                int[] products = activationProducts(ac);
                yield add(prefix + d.name() + "." + d.activation().name().toLowerCase(java.util.Locale.ROOT),
                        pipelined(y, 1, ac.latency(), ac.output(), d.units()), products[0], products[1]);
            }
            case SOFTMAX -> {
                SoftmaxConfig sc = NetworkStages.headSoftmaxConfig(d.units(), d.output(), d.probs());
                int[] products = softmaxProducts(sc);
                yield add(prefix + d.name() + ".softmax", pipelined(y, 1, sc.params().latency(), d.probs(), d.units()),
                        products[0], products[1]);
            }
            case ARGMAX -> {
                ArgmaxConfig ac = ArgmaxConfig.of(d.units(), d.output());
                yield add(prefix + d.name() + ".argmax", pipelined(y, 1, ac.latency(), ac.output(), 1), 0, 0);
            }
            case NONE, RELU -> y;
        };
    }

    private Tokens norm(NormSpec n, Tokens x, String name) {
        LayerNormConfig c = NetworkStages.layerNormConfig(n, x.lanes(), x.format());
        int p = c.rsqrtBits(), f = c.features(), d = c.dBits();
        int cBits = 65 - Long.numberOfLeadingZeros(c.sqrtConst());
        // per feature: n·x (constant), d², d·C (constant), (d·C)·r, z·gamma; per token: the Newton step's three
        int mult = 5 * f + 3;
        int dsp = f * (dsps(c.input().width(), 64 - Long.numberOfLeadingZeros(f) + 1) + dsps(d, d) + dsps(d, cBits)
                + dsps(d + cBits, p + 3) + dsps(c.normalized().width(), c.gamma().width()))
                + dsps(p + 2, p + 2) + dsps(p + 3, p + 3) + dsps(p + 2, p + 4);
        return add(name, pipelined(x, 1, c.latency(), n.output(), x.lanes()), mult, dsp);
    }

    private Tokens block(TransformerBlockConfig bc, Tokens x) {
        BlockSpec b = bc.block();
        String name = b.name();
        boolean pre = b.norm() == BlockSpec.Placement.PRE;
        Tokens attIn = pre && b.attentionNorm() != null ? norm(b.attentionNorm(), x, name + "." + b.attentionNorm().name()) : x;
        MultiHeadAttentionConfig mc = bc.attention();
        long[] taken = pipelined(attIn.at(), mc.inputInterval(), 0);
        long[] att = new long[taken.length];
        for (int t = 0; t < att.length; t++) att[t] = taken[taken.length - 1] + mc.latency() + (long) t * mc.outputInterval();
        int[] products = attentionProducts(mc);
        Tokens a = add(name + ".attention", new Tokens(att, mc.output(), mc.features()), products[0], products[1]);
        // the residual FIFO: the block's input as the attention (or its norm) takes it, one cycle through the FIFO
        long[] blockIn = pre && b.attentionNorm() != null ? x.at() : taken;
        Tokens xRes = new Tokens(pipelined(blockIn, 1, STREAM_FIFO_LATENCY), x.format(), x.lanes());
        Tokens r1 = residual(name + ".residual1", xRes, a, b.residual());
        if (!pre && b.attentionNorm() != null) r1 = norm(b.attentionNorm(), r1, name + "." + b.attentionNorm().name());
        Tokens ffnIn = b.ffnInput() == BlockSpec.FfnInput.ATTENTION ? a
                : pre && b.ffnNorm() != null ? norm(b.ffnNorm(), r1, name + "." + b.ffnNorm().name()) : r1;
        Tokens r1Keep = new Tokens(pipelined(r1.at(), 1, STREAM_FIFO_LATENCY), r1.format(), r1.lanes());
        Tokens f = dense(b.ffn2(), dense(b.ffn1(), ffnIn, ""), "");
        Tokens r2 = residual(name + ".residual2", r1Keep, f, b.residual());
        return !pre && b.ffnNorm() != null ? norm(b.ffnNorm(), r2, name + "." + b.ffnNorm().name()) : r2;
    }

    /** A {@code StreamFifo}'s latency (asynchronous read). */
    private static final int STREAM_FIFO_LATENCY = 1;

    private Tokens residual(String name, Tokens a, Tokens b, FixFormat out) {
        ResidualConfig rc = new ResidualConfig(a.lanes(), a.format(), b.format(), out);
        long[] both = new long[a.at().length];
        for (int t = 0; t < both.length; t++) both[t] = Math.max(a.at()[t], b.at()[t]);
        return add(name, new Tokens(pipelined(both, 1, rc.latency()), out, a.lanes()), 0, 0);
    }

    // ---- multipliers ---------------------------------------------------------------------------------------

    /** {multipliers, DSPs} of an attention unit: projections, score and context products, score scale, softmax units. */
    static int[] attentionProducts(MultiHeadAttentionConfig c) {
        int mult = 0, dsp = 0;
        for (LinearConfig p : c.projections()) {
            mult += p.parallelism();
            dsp += p.parallelism() * dsps(p.input().width(), p.weight().width());
        }
        int lanes = c.headLanes() * c.lanes();
        mult += lanes * (c.keyDim() + c.valueDim());
        dsp += lanes * (c.keyDim() * dsps(c.query().width(), c.key().width()) + c.valueDim() * dsps(c.probs().width() + 1, c.value().width()));
        if (!c.exactScale()) {
            mult += lanes;
            dsp += lanes * dsps(c.scoreSumWidth(), MultiHeadAttentionConfig.SCALE_BITS + 2);
        }
        int[] sm = softmaxProducts(c.softmaxConfig());
        return new int[] {mult + c.headLanes() * sm[0], dsp + c.headLanes() * sm[1]};
    }

    /** {multipliers, DSPs} of one softmax unit (its lanes' products, unsigned operands one bit wider). */
    static int[] softmaxProducts(SoftmaxConfig c) {
        int lanes = c.lanes();
        return switch (SoftmaxParams.of(c)) {
            case ExpTableParams p -> new int[] {lanes * (p.loBits() > 0 ? 2 : 1),
                    lanes * ((p.loBits() > 0 ? dsps(p.a() + 2, p.b() + 2) : 0) + dsps(p.e() + 2, p.q() + 2))};
            case Base2Params p -> new int[] {lanes * (p.loBits() > 0 ? 5 : 3),
                    lanes * (2 * dsps(c.input().width(), p.c() + 2) + (p.loBits() > 0 ? 2 * dsps(p.a() + 2, p.b() + 2) : 0)
                            + dsps(p.mb() + 2, p.q() + 2))};
            case ShiftmaxParams p -> new int[] {lanes, lanes * dsps(p.fe() + 2, p.k() - p.fe() + 2)};
        };
    }

    /** {multipliers, DSPs} of an activation unit: i-GELU's four products a lane (two by constants); the others none. */
    static int[] activationProducts(ActivationUnitConfig c) {
        if (c.function() != ActivationUnitConfig.Function.IGELU) return new int[] {0, 0};
        int w = c.input().width(), f = c.input().fracBits();
        int bw = 64 - Long.numberOfLeadingZeros(Math.max(c.clipRaw(), 1));
        int q = Math.max(1, 2 * bw + 15 - (f + 16));
        return new int[] {4 * c.lanes(), c.lanes() * (dsps(w + 1, 17) + dsps(bw + 1, bw + 1) + dsps(2 * bw + 1, 15) + dsps(w + 1, q + 1))};
    }

    private static int ceilDiv(int a, int b) { return (a + b - 1) / b; }
}
