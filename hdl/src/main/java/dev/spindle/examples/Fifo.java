package dev.spindle.examples;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamFifo;

/**
 * The library's {@link StreamFifo} as a design of its own (the {@code fifo} of {@code spindle generate}): a
 * first-in first-out queue of {@code width}-bit words with SpinalHDL {@code StreamFifo}'s ports {@code io_push_*},
 * {@code io_pop_*}, {@code io_occupancy}. Any depth (not only powers of two); a pushed word can be popped the next
 * cycle (combinational read, distributed RAM). It shows how a design wraps a library component: {@code child(...)}
 * and stream connections.
 */
public final class Fifo extends ConfiguredComponent<Fifo.Config> {
    public record Config(int width, int depth) {
        public Config {
            Require.range("width", width, 1, 4096);
            Require.range("depth", depth, 1, 1 << 16);
        }
    }

    public static final class Io extends Bundle {
        public final Stream<UInt> push;
        public final Stream<UInt> pop;
        public final UInt occupancy;

        Io(Config c) {
            push = slave(new Stream<>(UInt.type(c.width())));
            pop = master(new Stream<>(UInt.type(c.width())));
            occupancy = out(UInt.type(log2Up(c.depth() + 1)));
        }
    }

    public final Io io;
    private final StreamFifo<UInt> queue;

    public Fifo(Config c) {
        super(c);
        io = new Io(c);
        queue = child(() -> new StreamFifo<>(UInt.type(c.width()), new StreamFifo.Config(c.depth(), false)));
        queue.io.push.connectFrom(io.push);
        queue.io.flush.assign(False());
        io.pop.connectFrom(queue.io.pop);
        io.occupancy.assign(queue.io.occupancy);
    }
}
