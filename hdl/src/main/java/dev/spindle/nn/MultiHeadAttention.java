package dev.spindle.nn;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;

/**
 * Multi-head self-attention (Keras {@code MultiHeadAttention}, docs/transformer.md §4 "MultiHeadAttention"), bit for
 * bit {@code AttentionModel}.
 *
 * <p>Ports: {@code io_weights} (Stream of SInt words of {@link MultiHeadAttentionConfig#wordWidth()} bits, the
 * format {@link Linear} uses, always ready: the query projection's load (kernel (features, heads·keyDim) row-major,
 * then bias), then the key's, the value's and the output projection's, {@link MultiHeadAttentionConfig#weightWords()}
 * words), {@code io_input} (Stream of Fragment of a Vec of {@code features} values in {@code input}: one token a
 * beat, {@code last} on the sequence's final token; the unit counts {@code tokens} tokens itself), {@code io_output}
 * (the same shape in {@code output}, {@code last} on the final token).
 */
public final class MultiHeadAttention extends ConfiguredComponent<MultiHeadAttentionConfig> {
    public static final class Io extends Bundle {
        public final Stream<SInt> weights;
        public final Stream<Fragment<Vec<SFix>>> input;
        public final Stream<Fragment<Vec<SFix>>> output;

        Io(MultiHeadAttentionConfig c) {
            weights = slave(new Stream<>(SInt.type(c.wordWidth())));
            input = slave(new Stream<>(Fragment.type(Vec.type(SFix.type(c.input()), c.features()))));
            output = master(new Stream<>(Fragment.type(Vec.type(SFix.type(c.output()), c.features()))));
        }
    }

    public final Io io;

    public MultiHeadAttention(MultiHeadAttentionConfig c) {
        super(c);
        io = new Io(c);
        throw new UnsupportedOperationException("MultiHeadAttention: the datapath is not yet supported (in progress, issue 11); "
                + "the configuration and ports are final");
    }
}
