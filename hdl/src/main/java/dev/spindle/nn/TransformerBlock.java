package dev.spindle.nn;

import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;
import dev.spindle.nn.NetworkStages.Tensor;
import dev.spindle.nn.transformer.BlockSpec;

import java.util.List;

/**
 * One transformer block as a streaming design (docs/transformer.md, "TransformerBlock"), bit for bit the block of
 * {@code TransformerModel}: post-norm {@code x = N1(x + MHA(x)); x = N2(x + FFN(x))}, pre-norm
 * {@code x = x + MHA(N1(x)); x = x + FFN(N2(x))}, or no norm; with {@code ffn_input: attention}
 * {@code a = MHA(x); x = (a + x) + FFN(a)}.
 *
 * <p>Ports: {@code io_weights} (SInt words, always ready: the attention's load, then the attention norm's gamma and
 * beta, FFN dense1's kernel and bias, dense2's, the FFN norm's; {@link TransformerBlockConfig#weightWords()} words),
 * {@code io_input} / {@code io_output} (one token a beat, a Vec of {@code features} raw values).
 *
 * <p>The input is forked to the attention and to a FIFO of {@link TransformerBlockConfig#attentionFifoDepth()} tokens
 * that waits for the attention's output (which starts only after a whole sequence is in); the first residual sum is
 * forked to the FFN and to a FIFO of {@link TransformerBlockConfig#FFN_FIFO_DEPTH} tokens for the second.
 */
public final class TransformerBlock extends ConfiguredComponent<TransformerBlockConfig> {
    public final TokenIo<Vec<SInt>> io;

    public TransformerBlock(TransformerBlockConfig c) {
        super(c);
        io = new TokenIo<>(c.wordWidth(), TokenIo.rawLanes(c.input().width(), c.features()),
                TokenIo.rawLanes(c.output().width(), c.features()));
        BlockSpec b = c.block();
        boolean pre = b.norm() == BlockSpec.Placement.PRE;
        boolean ffnFromAttention = b.ffnInput() == BlockSpec.FfnInput.ATTENTION;
        WeightBus attentionBus = new WeightBus();
        WeightBus n1Bus = new WeightBus();
        WeightBus ffnBus = new WeightBus();
        WeightBus n2Bus = new WeightBus();

        List<Stream<Vec<SInt>>> x = io.input.fork(2);
        Tensor xAtt = new Tensor(x.get(0), c.input());
        Tensor xRes = new Tensor(x.get(1).queue(c.attentionFifoDepth()), c.input());
        Tensor attIn = pre && b.attentionNorm() != null ? NetworkStages.layerNorm(b.attentionNorm(), xAtt, n1Bus) : xAtt;
        Tensor a = attention(c.attention(), attIn, attentionBus, c.tokens());
        Tensor aFfn = null;
        if (ffnFromAttention) {
            List<Stream<Vec<SInt>>> af = a.stream().fork(2);
            aFfn = new Tensor(af.get(1), a.format());
            a = new Tensor(af.get(0), a.format());
        }
        Tensor r1 = NetworkStages.residual(xRes, a, b.residual());
        if (!pre && b.attentionNorm() != null) r1 = NetworkStages.layerNorm(b.attentionNorm(), r1, n1Bus);
        Tensor ffnIn;
        Tensor r1Keep;
        if (ffnFromAttention) {
            ffnIn = aFfn;
            r1Keep = new Tensor(r1.stream().queue(TransformerBlockConfig.FFN_FIFO_DEPTH), r1.format());
        } else {
            List<Stream<Vec<SInt>>> rf = r1.stream().fork(2);
            r1Keep = new Tensor(rf.get(1).queue(TransformerBlockConfig.FFN_FIFO_DEPTH), r1.format());
            Tensor r1Ffn = new Tensor(rf.get(0), r1.format());
            ffnIn = pre && b.ffnNorm() != null ? NetworkStages.layerNorm(b.ffnNorm(), r1Ffn, n2Bus) : r1Ffn;
        }
        Tensor f = NetworkStages.dense(b.ffn2(), NetworkStages.dense(b.ffn1(), ffnIn, ffnBus), ffnBus);
        Tensor r2 = NetworkStages.residual(r1Keep, f, b.residual());
        Tensor out = !pre && b.ffnNorm() != null ? NetworkStages.layerNorm(b.ffnNorm(), r2, n2Bus) : r2;
        io.output.connectFrom(out.stream());

        WeightBus bus = new WeightBus();
        for (WeightBus part : new WeightBus[] {attentionBus, n1Bus, ffnBus, n2Bus}) part.forwardTo(bus);
        bus.drive(io.weights);
    }

    /** The attention unit between SInt token streams: SFix lanes in and out, {@code last} on each sequence's final token. */
    private static Tensor attention(MultiHeadAttentionConfig c, Tensor x, WeightBus bus, int tokens) {
        MultiHeadAttention mha = child(() -> new MultiHeadAttention(c));
        bus.add(mha.io.weights, c.weightWords());
        mha.io.input.valid.assign(x.stream().valid);
        x.stream().ready.assign(mha.io.input.ready);
        UInt token = RegInit(UInt.lit(0, log2Up(tokens))).named("attention_token");
        var last = token.eq(tokens - 1);
        when(mha.io.input.fire(), () -> token.assign(mux(last, UInt.lit(0, token.width()), token.add(1))));
        mha.io.input.payload.last.assign(last);
        FixFormat in = c.input();
        for (int i = 0; i < c.features(); i++) mha.io.input.payload.fragment.get(i).assign(SFix.fromRaw(x.stream().payload.get(i), in));
        Stream<Vec<SInt>> out = new Stream<>(Vec.type(SInt.type(c.output().width()), c.features())).named("attention_output");
        out.valid.assign(mha.io.output.valid);
        mha.io.output.ready.assign(out.ready);
        for (int i = 0; i < c.features(); i++) out.payload.get(i).assign(mha.io.output.payload.fragment.get(i).raw());
        return new Tensor(out, c.output());
    }
}
