package dev.spindle.nn;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;

/**
 * The ports of a unit that loads its weights from a word stream and turns a stream of tokens into a stream of
 * tokens: {@code io_weights} (SInt words, each a raw value sign-extended; the unit keeps it always ready),
 * {@code io_input} and {@code io_output}. {@link Linear}, {@link LayerNorm}, {@link MultiHeadAttention},
 * {@link TransformerBlock} and {@link Transformer} declare their ports with it; what the words and tokens mean is
 * in each unit's own documentation.
 */
public final class TokenIo<T extends Data> extends Bundle {
    public final Stream<SInt> weights;
    public final Stream<T> input;
    public final Stream<T> output;

    public TokenIo(int wordWidth, HardType<T> input, HardType<T> output) {
        weights = slave(new Stream<>(SInt.type(wordWidth)));
        this.input = slave(new Stream<>(input));
        this.output = master(new Stream<>(output));
    }

    /** A token of raw fixed-point values: a Vec of {@code lanes} SInt of {@code width} bits. */
    public static HardType<Vec<SInt>> rawLanes(int width, int lanes) { return Vec.type(SInt.type(width), lanes); }
}
