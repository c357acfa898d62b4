package dev.spindle.examples;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Stream;

/**
 * A first-in first-out queue with SpinalHDL {@code StreamFifo}'s ports: {@code io_push_*}, {@code io_pop_*},
 * {@code io_occupancy}. Any depth (not only powers of two). A pushed word can be popped the next cycle; the
 * read is combinational from the array, so it maps to distributed RAM.
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
    private final Mem<UInt> ram;
    private final UInt pushPtr;
    private final UInt popPtr;
    private final UInt count;

    public Fifo(Config c) {
        super(c);
        io = new Io(c);
        ram = Mem.of(UInt.type(c.width()), c.depth());
        pushPtr = RegInit(UInt.lit(0, ram.addressWidth()));
        popPtr = RegInit(UInt.lit(0, ram.addressWidth()));
        count = RegInit(UInt.lit(0, log2Up(c.depth() + 1)));

        Bool pushing = io.push.fire();
        Bool popping = io.pop.fire();
        io.push.ready.assign(count.ne(c.depth()));
        io.pop.valid.assign(count.ne(0));
        io.pop.payload.assign(ram.readAsync(popPtr));

        ram.write(pushPtr, io.push.payload, pushing);
        when(pushing, () -> pushPtr.assign(next(pushPtr, c.depth())));
        when(popping, () -> popPtr.assign(next(popPtr, c.depth())));
        when(pushing.and(popping.not()), () -> count.assign(count.add(1)))
                .elseWhen(popping.and(pushing.not()), () -> count.assign(count.sub(1)));
        io.occupancy.assign(count);
    }

    /** ptr + 1, wrapping at depth (which need not be a power of two). */
    private static UInt next(UInt ptr, int depth) {
        if (depth == 1 << ptr.width()) return ptr.add(1);
        return mux(ptr.eq(depth - 1), UInt.lit(0, ptr.width()), ptr.add(1));
    }
}
