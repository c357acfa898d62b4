package dev.spindle.sim.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A test top holding many small stream designs side by side, so that one Verilator build serves a whole test
 * class: each {@link Channel} gets its own ports {@code io_<name>_inputs_<i>} (slave streams), {@code
 * io_<name>_outputs_<j>} (master streams) and, when asked for, a control input {@code io_<name>_ctrl}. Channels
 * share nothing but the clock and reset; a test drives one of them and leaves the others idle.
 */
final class StreamBank extends Component {
    /** Builds the design under test between a channel's streams. */
    @FunctionalInterface
    interface Body<A extends Data, B extends Data> {
        void build(List<Stream<A>> inputs, List<Stream<B>> outputs, Bits ctrl);
    }

    /** One design: its name, its input and output streams, the width of its control input (0: none), its body. */
    record Channel<A extends Data, B extends Data>(String name, HardType<A> in, int nIn, HardType<B> out, int nOut,
                                                    int ctrlWidth, Body<A, B> body) {
        /** One input, one output, no control: {@code out = op(in)}. */
        static <A extends Data, B extends Data> Channel<A, B> pipe(String name, HardType<A> in, HardType<B> out,
                                                                   Function<Stream<A>, Stream<B>> op) {
            return new Channel<>(name, in, 1, out, 1, 0, (i, o, c) -> o.getFirst().connectFrom(op.apply(i.getFirst())));
        }
    }

    /** The ports of one channel. */
    static final class Ports<A extends Data, B extends Data> extends Bundle {
        final Vec<Stream<A>> inputs;
        final Vec<Stream<B>> outputs;
        final Bits ctrl;

        Ports(Channel<A, B> c) {
            inputs = slave(Vec.of(Stream.type(c.in()), c.nIn()));
            outputs = master(Vec.of(Stream.type(c.out()), c.nOut()));
            ctrl = c.ctrlWidth() == 0 ? null : in(Bits.type(c.ctrlWidth()));
        }
    }

    /** Every channel's ports, named after the channel. */
    static final class Io extends Bundle {
        private final List<String> names = new ArrayList<>();
        private final List<Ports<?, ?>> ports = new ArrayList<>();

        Io(List<Channel<?, ?>> channels) {
            for (Channel<?, ?> c : channels) {
                if (names.contains(c.name())) throw new IllegalArgumentException("two channels named " + c.name());
                names.add(c.name());
                ports.add(master(new Ports<>(c)));
            }
        }

        @Override public String elementName(int i) { return names.get(i); }

        Ports<?, ?> channel(String name) {
            int i = names.indexOf(name);
            if (i < 0) throw new IllegalArgumentException("no channel " + name + " in " + names);
            return ports.get(i);
        }
    }

    final Io io;

    StreamBank(List<Channel<?, ?>> channels) {
        io = new Io(channels);
        for (Channel<?, ?> c : channels) build(c, io.channel(c.name()));
    }

    @SuppressWarnings("unchecked")
    private static <A extends Data, B extends Data> void build(Channel<A, B> c, Ports<?, ?> p) {
        Ports<A, B> ports = (Ports<A, B>) p;
        List<Stream<A>> ins = new ArrayList<>();
        ports.inputs.forEach(ins::add);
        List<Stream<B>> outs = new ArrayList<>();
        ports.outputs.forEach(outs::add);
        c.body().build(ins, outs, ports.ctrl);
    }
}
