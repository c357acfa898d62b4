package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;

/**
 * A first-in first-out queue of any depth (not only powers of two), SpinalHDL's {@code StreamFifo} with its ports
 * {@code io_push_*}, {@code io_pop_*}, {@code io_flush}, {@code io_occupancy}, {@code io_availability}.
 * Async read (LUT RAM): a pushed word can pop the next cycle, latency 1, full throughput from depth 2. Sync read
 * (a registered read at the next pop address, as block RAM wants): latency 2, full throughput from depth 3. Depth 1
 * passes one word every two cycles (async) or three (sync). Push and pop may fire in the same cycle; a full FIFO
 * does not accept a push in the cycle it pops. {@code io_flush} empties it.
 */
public final class StreamFifo<T extends Data> extends ConfiguredComponent<StreamFifo.Config> {
    /** {@code depth} words; {@code syncRead} reads through a register (block RAM) instead of combinationally. */
    public record Config(int depth, boolean syncRead) {
        public Config {
            Require.range("depth", depth, 1, 1 << 20);
        }
    }

    public static final class Io<T extends Data> extends Bundle {
        public final Stream<T> push;
        public final Stream<T> pop;
        public final Bool flush;
        public final UInt occupancy;
        public final UInt availability;

        Io(HardType<T> type, Config c) {
            push = slave(new Stream<>(type));
            pop = master(new Stream<>(type));
            flush = in(Bool.type());
            occupancy = out(UInt.type(log2Up(c.depth() + 1)));
            availability = out(UInt.type(log2Up(c.depth() + 1)));
        }
    }

    public final Io<T> io;
    private final Mem<T> ram;
    private final UInt pushPtr;
    private final UInt popPtr;
    private final UInt count;

    public StreamFifo(HardType<T> type, Config c) {
        super(c);
        io = new Io<>(type, c);
        ram = Mem.of(type, c.depth());
        int aw = ram.addressWidth();
        int cw = log2Up(c.depth() + 1);
        pushPtr = RegInit(UInt.lit(0, aw));
        popPtr = RegInit(UInt.lit(0, aw));
        count = RegInit(UInt.lit(0, cw));

        Bool pushing = Wire(io.push.fire()).named("pushing");
        Bool popping = Wire(io.pop.fire()).named("popping");
        io.push.ready.assign(count.ne(c.depth()));
        ram.write(pushPtr, io.push.payload, pushing);
        when(pushing, () -> pushPtr.assign(next(pushPtr, c.depth())));
        when(pushing.and(popping.not()), () -> count.assign(count.add(1)))
                .elseWhen(popping.and(pushing.not()), () -> count.assign(count.sub(1)));

        if (c.syncRead()) {
            UInt popPtrNext = Wire(UInt.type(aw)).named("popPtrNext");
            popPtrNext.assign(mux(popping, next(popPtr, c.depth()), popPtr));
            when(io.flush, () -> popPtrNext.set(0));
            popPtr.assign(popPtrNext);
            // The word read at popPtrNext is stale when it is written in the same cycle: hold valid back one cycle.
            Bool stale = RegNext(pushing.and(pushPtr.eq(popPtrNext)), False()).named("readStale");
            io.pop.valid.assign(count.ne(0).and(stale.not()));
            T readData = ram.readSync(popPtrNext);
            readData.named("readData");
            io.pop.payload.assign(readData);
        } else {
            when(popping, () -> popPtr.assign(next(popPtr, c.depth())));
            io.pop.valid.assign(count.ne(0));
            io.pop.payload.assign(ram.readAsync(popPtr));
        }
        when(io.flush, () -> {
            pushPtr.set(0);
            if (!c.syncRead()) popPtr.set(0);
            count.set(0);
        });
        io.occupancy.assign(count);
        io.availability.assign(UInt.lit(c.depth(), cw).sub(count));
    }

    /** ptr + 1, wrapping at depth (which need not be a power of two). */
    private static UInt next(UInt ptr, int depth) {
        if (depth == 1 << ptr.width()) return ptr.add(1);
        return mux(ptr.eq(depth - 1), UInt.lit(0, ptr.width()), ptr.add(1));
    }
}
