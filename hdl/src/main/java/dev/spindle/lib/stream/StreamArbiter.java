package dev.spindle.lib.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;

import java.util.List;

/**
 * N streams to one, taking one input at a time, SpinalHDL's {@code StreamArbiter} ({@code io_inputs_<i>_*},
 * {@code io_output_*}, {@code io_chosen}, {@code io_chosenOH}). Latency 0, full throughput.
 * Arbitration: {@link Arbitration#LOWEST_FIRST} (input 0 wins) or {@link Arbitration#ROUND_ROBIN} (the input after the
 * last winner wins). Lock: {@link Lock#NONE} (choose again every cycle: the output may change while stalled),
 * {@link Lock#TRANSACTION} (keep the choice until the word fires: the stream rules hold) or {@link Lock#FRAGMENT}
 * (keep it until a {@link Fragment}'s last word fires: packets are not interleaved).
 */
public final class StreamArbiter<T extends Data> extends ConfiguredComponent<StreamArbiter.Config> {
    public enum Arbitration { LOWEST_FIRST, ROUND_ROBIN }

    public enum Lock { NONE, TRANSACTION, FRAGMENT }

    public record Config(int n, Arbitration arbitration, Lock lock) {
        public Config {
            Require.range("n", n, 1, 32);
            Require.nonNull("arbitration", arbitration);
            Require.nonNull("lock", lock);
        }
    }

    public static final class Io<T extends Data> extends Bundle {
        public final Vec<Stream<T>> inputs;
        public final Stream<T> output;
        public final UInt chosen;
        public final Bits chosenOH;

        Io(HardType<T> type, Config c) {
            inputs = slave(Vec.of(Stream.type(type), c.n()));
            output = master(new Stream<>(type));
            chosen = out(UInt.type(log2Up(c.n())));
            chosenOH = out(Bits.type(c.n()));
        }
    }

    public final Io<T> io;
    private final Bool locked;
    private final Bits maskProposal;
    private final Bits maskLocked;
    private final Bits maskRouted;

    public StreamArbiter(HardType<T> type, Config c) {
        super(c);
        io = new Io<>(type, c);
        int n = c.n();
        if (c.lock() == Lock.FRAGMENT && !(io.output.payload instanceof Fragment<?>)) {
            throw new IllegalArgumentException("lock: FRAGMENT needs a Stream<Fragment<T>>, the payload is "
                    + io.output.payload.getClass().getSimpleName());
        }
        Bool[] valids = new Bool[n];
        for (int i = 0; i < n; i++) valids[n - 1 - i] = io.inputs.get(i).valid;
        Bits requests = cat(valids);

        maskLocked = RegInit(Bits.lit(1L << (n - 1), n));
        maskProposal = Wire(Bits.type(n));
        if (c.arbitration() == Arbitration.LOWEST_FIRST) {
            UInt r = requests.asUInt();
            maskProposal.assign(r.and(r.sub(1).not()).asBits());
        } else {
            // The lowest request at or above the priority bit (one past the last winner), wrapping round.
            Bits priority = n == 1 ? maskLocked : cat(maskLocked.bits(n - 2, 0), maskLocked.msb());
            UInt doubled = cat(requests, requests).asUInt();
            UInt grant = doubled.and(doubled.sub(priority.asUInt().resize(2 * n)).not());
            maskProposal.assign(grant.bits(2 * n - 1, n).or(grant.bits(n - 1, 0)).asBits());
        }

        maskRouted = Wire(Bits.type(n));
        if (c.lock() == Lock.NONE) {
            locked = null;
            maskRouted.assign(maskProposal);
        } else {
            locked = RegInit(False());
            maskRouted.assign(mux(locked, maskLocked, maskProposal));
            when(io.output.valid, () -> locked.assign(True()));
            Bool release = c.lock() == Lock.TRANSACTION ? io.output.fire()
                    : io.output.fire().and(((Fragment<?>) io.output.payload).last);
            when(release, () -> locked.assign(False()));
        }
        when(io.output.valid, () -> maskLocked.assign(maskRouted));

        io.output.valid.assign(requests.and(maskRouted).orR());
        Bits data = null;
        int w = io.output.payload.totalWidth();
        for (int i = 0; i < n; i++) {
            io.inputs.get(i).ready.assign(maskRouted.bit(i).and(io.output.ready));
            Bits gated = mux(maskRouted.bit(i), io.inputs.get(i).payload.asBits(), Bits.lit(0, w));
            data = data == null ? gated : data.or(gated);
        }
        io.output.payload.assignFromBits(data);
        io.chosenOH.assign(maskRouted);
        io.chosen.assign(oneHotToUInt(maskRouted, io.chosen.width()));
    }

    private static UInt oneHotToUInt(Bits oneHot, int width) {
        Bool[] bits = new Bool[width];
        for (int b = 0; b < width; b++) {
            Bool any = False();
            for (int i = 0; i < oneHot.width(); i++) if ((i >> b & 1) != 0) any = any.or(oneHot.bit(i));
            bits[width - 1 - b] = any;
        }
        return cat(bits).asUInt();
    }

    /** Lowest-first, locked per transaction: the word of the lowest valid input. */
    public static <T extends Data> Stream<T> lowestFirst(List<Stream<T>> inputs) {
        return on(inputs, Arbitration.LOWEST_FIRST, Lock.TRANSACTION);
    }

    /** Round-robin, locked per transaction. */
    public static <T extends Data> Stream<T> roundRobin(List<Stream<T>> inputs) {
        return on(inputs, Arbitration.ROUND_ROBIN, Lock.TRANSACTION);
    }

    /** An arbiter over {@code inputs} (built as a sub-component); returns its output, named {@code <inputs_0>_arbiter}. */
    public static <T extends Data> Stream<T> on(List<Stream<T>> inputs, Arbitration arbitration, Lock lock) {
        if (inputs.isEmpty()) throw new IllegalArgumentException("inputs: an arbiter needs at least one stream");
        HardType<T> type = inputs.getFirst().payloadType();
        Config config = new Config(inputs.size(), arbitration, lock);
        StreamArbiter<T> arbiter = child(() -> new StreamArbiter<>(type, config));
        for (int i = 0; i < inputs.size(); i++) arbiter.io.inputs.get(i).connectFrom(inputs.get(i));
        Stream<T> out = new Stream<>(type);
        DerivedName.after(inputs.getFirst(), "arbiter", out);
        out.connectFrom(arbiter.io.output);
        return out;
    }
}
