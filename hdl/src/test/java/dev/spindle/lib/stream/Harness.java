package dev.spindle.lib.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * A test top around stream operators: {@code io_inputs_<i>} (slave streams of A), {@code io_outputs_<j>} (master
 * streams of B) and, when asked for, a control input {@code io_ctrl} that the testbench randomizes every cycle.
 */
final class Harness<A extends Data, B extends Data> extends Component {
    /** Builds the design under test between the harness's streams. */
    @FunctionalInterface
    interface Body<A extends Data, B extends Data> {
        void build(List<Stream<A>> inputs, List<Stream<B>> outputs, Bits ctrl);
    }

    static final class Io<A extends Data, B extends Data> extends Bundle {
        final Vec<Stream<A>> inputs;
        final Vec<Stream<B>> outputs;
        final Bits ctrl;

        Io(HardType<A> in, int nIn, HardType<B> out, int nOut, int ctrlWidth) {
            inputs = slave(Vec.of(Stream.type(in), nIn));
            outputs = master(Vec.of(Stream.type(out), nOut));
            ctrl = ctrlWidth == 0 ? null : in(Bits.type(ctrlWidth));
        }
    }

    final Io<A, B> io;

    Harness(HardType<A> in, int nIn, HardType<B> out, int nOut, int ctrlWidth, Body<A, B> body) {
        io = new Io<>(in, nIn, out, nOut, ctrlWidth);
        List<Stream<A>> ins = new ArrayList<>();
        io.inputs.forEach(ins::add);
        List<Stream<B>> outs = new ArrayList<>();
        io.outputs.forEach(outs::add);
        body.build(ins, outs, io.ctrl);
    }

    /** One input, one output, no control. */
    static <A extends Data, B extends Data> Harness<A, B> pipe(HardType<A> in, HardType<B> out,
                                                                java.util.function.Function<Stream<A>, Stream<B>> op) {
        return new Harness<>(in, 1, out, 1, 0, (i, o, c) -> o.getFirst().connectFrom(op.apply(i.getFirst())));
    }
}
