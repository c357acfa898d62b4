package dev.spindle.lib.stream;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.lib.BufferCC;

/**
 * A clock-domain-crossing FIFO (SpinalHDL's {@code StreamFifoCC}): {@code io_push} in the push domain,
 * {@code io_pop} in the pop domain. Pointers of {@code log2(depth) + 1} bits count in Gray code ({@code pushGray},
 * {@code popGray}) and cross by {@link BufferCC} (two registers); the memory is written in the push domain and
 * read into the pop domain's output register {@code popData}, which is marked as crossing clock domains: the word
 * it reads was written before the push pointer that reveals it crossed, so it is stable when sampled.
 *
 * <p>Each domain needs its reset (the push side's and the pop side's registers start empty). Latency: a word pushed
 * is visible on {@code io_pop} after the Gray pointer crosses (two pop clocks) plus the output register (one pop
 * clock); throughput: one word a clock on both sides while neither is full or empty ({@code depth} must cover the
 * pointers' round trip, about 2 × (2 + 1) clocks of the slower side, for an uninterrupted stream). {@code depth}
 * words plus one in {@code popData}.
 */
public final class StreamFifoCC<T extends Data> extends ConfiguredComponent<StreamFifoCC.Config> {
    /** {@code depth}: a power of two, 2..65536. */
    public record Config(int depth) {
        public Config {
            Require.range("depth", depth, 2, 1 << 16);
            if (Integer.bitCount(depth) != 1) throw new IllegalArgumentException("depth = " + depth + " is not a power of two: allowed 2, 4, 8, ... 65536");
        }

        int addressWidth() { return Integer.numberOfTrailingZeros(depth); }
    }

    public static final class Io<T extends Data> extends Bundle {
        public final Stream<T> push;
        public final Stream<T> pop;

        Io(HardType<T> type) {
            push = slave(new Stream<>(type));
            pop = master(new Stream<>(type));
        }
    }

    public final Io<T> io;
    private Mem<T> ram;
    private UInt pushPtr, pushGray, popPtr, popGray;
    private T popData;
    private Bool popValid;

    public StreamFifoCC(HardType<T> type, Config c, ClockDomain pushDomain, ClockDomain popDomain) {
        super(c);
        io = new Io<>(type);
        int aw = c.addressWidth();
        UInt pushGrayOut = Wire(UInt.type(aw + 1)).named("pushGrayOut");
        UInt popGrayOut = Wire(UInt.type(aw + 1)).named("popGrayOut");
        pushDomain.on(() -> {
            ram = Mem.of(type, c.depth()).named("ram");
            pushPtr = RegInit(UInt.lit(0, aw + 1));
            pushGray = RegInit(UInt.lit(0, aw + 1));
            UInt popGraySync = BufferCC.of(popGrayOut, UInt.lit(0, aw + 1));
            UInt fullPattern = UInt.lit(3L << (aw - 1), aw + 1);   // the two top bits of a Gray pointer one lap ahead
            Bool full = Wire(pushGray.eq(popGraySync.xor(fullPattern))).named("full");
            io.push.ready.assign(full.not());
            Bool pushing = io.push.fire();
            ram.write(pushPtr.resize(aw), io.push.payload, pushing);
            UInt pushNext = pushPtr.add(1);
            when(pushing, () -> {
                pushPtr.assign(pushNext);
                pushGray.assign(gray(pushNext));
            });
            pushGrayOut.assign(pushGray);
        });
        popDomain.on(() -> {
            popPtr = RegInit(UInt.lit(0, aw + 1));
            popGray = RegInit(UInt.lit(0, aw + 1));
            UInt pushGraySync = BufferCC.of(pushGrayOut, UInt.lit(0, aw + 1));
            Bool empty = Wire(popGray.eq(pushGraySync)).named("empty");
            popValid = RegInit(False());
            popData = Reg(type);
            for (BaseType leaf : popData.flatten()) ((Signal) leaf.node()).setCrossClockDomain(true);
            Bool load = Wire(empty.not().and(popValid.not().or(io.pop.ready))).named("load");
            UInt popNext = popPtr.add(1);
            T word = ram.readAsync(popPtr.resize(aw));   // outside the when: a bundle's read assigns its wires
            when(load, () -> {
                popData.assign(word);
                popValid.assign(True());
                popPtr.assign(popNext);
                popGray.assign(gray(popNext));
            }).elseWhen(io.pop.ready, () -> popValid.assign(False()));
            io.pop.valid.assign(popValid);
            io.pop.payload.assign(popData);
            popGrayOut.assign(popGray);
        });
    }

    private static UInt gray(UInt binary) { return binary.xor(binary.srl(1)); }

    /**
     * {@code push} (of {@code pushDomain}) carried into {@code popDomain} through a FIFO of {@code depth} words;
     * returns the pop side.
     */
    public static <T extends Data> Stream<T> of(Stream<T> push, int depth, ClockDomain pushDomain, ClockDomain popDomain) {
        HardType<T> type = typeOf(push.payload);
        Config config = new Config(depth);
        StreamFifoCC<T> fifo = child(() -> new StreamFifoCC<>(type, config, pushDomain, popDomain));
        fifo.io.push.connectFrom(push);
        return fifo.io.pop;
    }
}
