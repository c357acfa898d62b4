package dev.spindle.nn;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;

/**
 * The ports of a unit without weights that turns beats of raw fixed-point lanes into beats of raw lanes:
 * {@code io_input} and {@code io_output}, each a Stream of a Vec of SInt. {@link ActivationUnit}, {@link Argmax} and
 * {@link Flatten} declare their ports with it (units with weights use {@link TokenIo}).
 */
public final class LanesIo extends Bundle {
    public final Stream<Vec<SInt>> input;
    public final Stream<Vec<SInt>> output;

    /** {@code inputLanes} values of {@code inputWidth} bits in, {@code outputLanes} of {@code outputWidth} out. */
    public LanesIo(int inputWidth, int inputLanes, int outputWidth, int outputLanes) {
        input = slave(new Stream<>(Vec.type(SInt.type(inputWidth), inputLanes)));
        output = master(new Stream<>(Vec.type(SInt.type(outputWidth), outputLanes)));
    }
}
