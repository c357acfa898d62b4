package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Hdl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.RegNextWhen;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.child;
import static dev.spindle.hdl.Hdl.typeOf;
import static dev.spindle.hdl.Hdl.when;

/**
 * A valid/ready handshake carrying a payload, as SpinalHDL's {@code Stream}: a word moves when
 * {@link #fire()} (valid and ready) holds at a clock edge; a producer that raised valid keeps valid and payload
 * until the word fires. Declared from the master's side: valid and payload out, ready in; use
 * {@code master(...)} / {@code slave(...)} in an io bundle. Ports flatten to {@code io_<name>_valid},
 * {@code io_<name>_ready}, {@code io_<name>_payload[_<field>]}.
 *
 * <p>Operators return a new stream built in the current component and compose:
 * {@code in.queue(16).m2sPipe().translateWith(...)}. Their results are named after the source
 * ({@code io_input_m2sPipe_valid}, registers {@code io_input_rValid}); see {@link DerivedName}.
 */
public class Stream<T extends Data> extends Bundle {
    public final Bool valid;
    public final Bool ready;
    public final T payload;
    private final HardType<T> payloadType;

    public Stream(HardType<T> payloadType) {
        this.payloadType = payloadType;
        valid = out(Bool.type());
        ready = in(Bool.type());
        payload = out(payloadType);
    }

    /** A stream hardware type: {@code slave(Stream.type(UInt.type(8)).create())} or {@code Vec.type(Stream.type(t), n)}. */
    public static <T extends Data> HardType<Stream<T>> type(HardType<T> payloadType) { return () -> new Stream<>(payloadType); }

    /** A stream of wires: {@code Stream.of(UInt.type(8))}. */
    public static <T extends Data> Stream<T> of(HardType<T> payloadType) { return new Stream<>(payloadType); }

    public HardType<T> payloadType() { return payloadType; }

    @Override public Bundle cloneType() { return new Stream<>(payloadType); }

    // ---- status -------------------------------------------------------------------------------------------------

    /** A word is transferred this cycle. */
    public Bool fire() { return valid.and(ready); }

    /** Valid but not accepted: the producer must hold its payload. */
    public Bool isStall() { return valid.and(ready.not()); }

    /** Nothing is waiting: a new word may be presented ({@code !valid || ready}). */
    public Bool isFree() { return valid.not().or(ready); }

    // ---- connection ---------------------------------------------------------------------------------------------

    /** {@code this << that} in SpinalHDL: valid and payload from {@code that}, ready back to it. */
    public void connectFrom(Stream<T> that) {
        valid.assign(that.valid);
        payload.assign(that.payload);
        that.ready.assign(ready);
    }

    /** {@code this >> that}: drives {@code that} from this stream. Returns {@code that}. */
    public Stream<T> connectTo(Stream<T> that) {
        that.connectFrom(this);
        return that;
    }

    /** Valid from {@code that}, ready back to it; the payload is left to the caller (SpinalHDL {@code arbitrationFrom}). */
    public void arbitrationFrom(Stream<?> that) {
        valid.assign(that.valid);
        that.ready.assign(ready);
    }

    /** A fresh stream of wires in the current component, named {@code <this>_<suffix>}. */
    private <U extends Data> Stream<U> derived(HardType<U> type, String suffix) {
        Stream<U> next = new Stream<>(type);
        return DerivedName.after(this, suffix, next);
    }

    /** Names {@code target} {@code <this>_<suffix>}, as seen from the component that holds {@code target}. */
    private <D extends Data> D nameAfterThis(D target, String suffix) {
        return DerivedName.after(this, suffix, target);
    }

    // ---- buffering ----------------------------------------------------------------------------------------------

    /**
     * A FIFO of {@code depth} words ({@link StreamFifo}, combinational read from distributed RAM): latency 1 cycle,
     * full throughput from depth 2 (depth 1: a word every two cycles). Depth 0 returns this stream.
     */
    public Stream<T> queue(int depth) {
        return depth == 0 ? this : queue(new StreamFifo.Config(depth, false));
    }

    /**
     * A FIFO with the given configuration: latency 1 cycle (async read, LUT RAM) or 2 (sync read, block RAM), full
     * throughput from depth 2 (async) or 3 (sync).
     */
    public Stream<T> queue(StreamFifo.Config config) {
        StreamFifo<T> fifo = child(() -> new StreamFifo<>(payloadType, config));
        fifo.io.push.connectFrom(this);
        fifo.io.flush.assign(False());
        Stream<T> out = derived(payloadType, "queue");
        out.connectFrom(fifo.io.pop);
        return out;
    }

    /**
     * Registers valid and payload (SpinalHDL {@code m2sPipe}, registers {@code <x>_rValid}, {@code <x>_rData}):
     * latency 1 cycle, full throughput; ready stays combinational.
     */
    public Stream<T> m2sPipe() {
        Stream<T> next = derived(payloadType, "m2sPipe");
        Bool rValid = nameAfterThis(RegNextWhen(valid, ready, False()), "rValid");
        T rData = nameAfterThis(RegNextWhen(payload, ready), "rData");
        ready.assign(next.ready.or(rValid.not()));
        next.valid.assign(rValid);
        next.payload.assign(rData);
        return next;
    }

    /**
     * Registers ready (SpinalHDL {@code s2mPipe}, a skid buffer: {@code <x>_rValidN}, {@code <x>_rData}): latency
     * 0 cycles, full throughput; valid and payload stay combinational.
     */
    public Stream<T> s2mPipe() {
        Stream<T> next = derived(payloadType, "s2mPipe");
        Bool rValidN = nameAfterThis(RegInit(True()), "rValidN");
        T rData = nameAfterThis(RegNextWhen(payload, ready), "rData");
        when(next.ready, () -> rValidN.assign(True())).elseWhen(valid, () -> rValidN.assign(False()));
        ready.assign(rValidN);
        next.valid.assign(valid.or(rValidN.not()));
        next.payload.assign(Hdl.mux(rValidN, payload, rData));
        return next;
    }

    /** Both: {@code m2sPipe().s2mPipe()}: latency 1 cycle, full throughput, every path registered. */
    public Stream<T> pipelined() { return m2sPipe().s2mPipe(); }

    /**
     * Registers everything with one register set (SpinalHDL {@code halfPipe}, {@code <x>_rValid}, {@code <x>_rData}):
     * latency 1 cycle, half throughput (one word every two cycles); no combinational path through.
     */
    public Stream<T> halfPipe() {
        Stream<T> next = derived(payloadType, "halfPipe");
        Bool rValid = nameAfterThis(RegInit(False()), "rValid");
        T rData = nameAfterThis(RegNextWhen(payload, ready), "rData");
        when(valid, () -> rValid.assign(True()));
        when(next.fire(), () -> rValid.assign(False()));
        ready.assign(rValid.not());
        next.valid.assign(rValid);
        next.payload.assign(rData);
        return next;
    }

    // ---- transformation -----------------------------------------------------------------------------------------

    /** The same handshake carrying {@code data} (usually computed from {@link #payload}): latency 0, full throughput. */
    public <U extends Data> Stream<U> translateWith(U data) {
        Stream<U> next = derived(typeOf(data), "translated");
        next.arbitrationFrom(this);
        next.payload.assign(data);
        return next;
    }

    /** {@code translateWith(f.apply(payload))}: latency 0, full throughput. */
    public <U extends Data> Stream<U> map(Function<T, U> f) { return translateWith(f.apply(payload)); }

    /** Drops the words for which {@code cond} holds (they fire on this side, never appear on the result): latency 0. */
    public Stream<T> throwWhen(Bool cond) {
        Stream<T> next = derived(payloadType, "thrown");
        next.valid.assign(valid.and(cond.not()));
        next.payload.assign(payload);
        ready.assign(next.ready.or(cond));
        return next;
    }

    /** Keeps only the words for which {@code cond} holds: {@code throwWhen(!cond)}, latency 0. */
    public Stream<T> takeWhen(Bool cond) {
        Stream<T> next = derived(payloadType, "takeWhen");
        next.valid.assign(valid.and(cond));
        next.payload.assign(payload);
        ready.assign(next.ready.or(cond.not()));
        return next;
    }

    /** Blocks the transfer while {@code cond} holds (nothing is lost): latency 0. */
    public Stream<T> haltWhen(Bool cond) { return gate(cond.not(), "haltWhen"); }

    /** Lets words through only while {@code cond} holds: {@code haltWhen(!cond)}, latency 0. */
    public Stream<T> continueWhen(Bool cond) { return gate(cond, "continueWhen"); }

    private Stream<T> gate(Bool open, String suffix) {
        Stream<T> next = derived(payloadType, suffix);
        next.valid.assign(valid.and(open));
        next.payload.assign(payload);
        ready.assign(next.ready.and(open));
        return next;
    }

    // ---- fork, width, flow --------------------------------------------------------------------------------------

    /** {@code fork(n, false)}: every word to each of n outputs, each output at its own pace. */
    public List<Stream<T>> fork(int n) { return fork(n, false); }

    /**
     * Every word to each of {@code n} outputs ({@link StreamFork}): latency 0. Synchronous: all outputs take the word
     * in the same cycle (throughput limited by the slowest ready). Asynchronous: each output takes it when it is
     * ready; the input fires once every output has taken it.
     */
    public List<Stream<T>> fork(int n, boolean synchronous) {
        StreamFork<T> fork = child(() -> new StreamFork<>(payloadType, new StreamFork.Config(n, synchronous)));
        fork.io.input.connectFrom(this);
        List<Stream<T>> outs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Stream<T> out = derived(payloadType, "fork_" + i);
            out.connectFrom(fork.io.outputs.get(i));
            outs.add(out);
        }
        return outs;
    }

    /**
     * The same bits in words of another width ({@link StreamWidthAdapter}; the output width must be a multiple or a
     * divisor of the input width). Narrow to wide: N beats make one word, the first in the low bits, output in the
     * cycle of the last beat (latency 0, full input throughput). Wide to narrow: one word gives N beats, low bits
     * first (latency 0, full output throughput).
     */
    public <U extends Data> Stream<U> adaptWidth(HardType<U> outType) {
        Stream<U> out = derived(outType, "adapted");
        StreamWidthAdapter.Config config = new StreamWidthAdapter.Config(payload.totalWidth(), out.payload.totalWidth());
        StreamWidthAdapter adapter = child(() -> new StreamWidthAdapter(config));
        adapter.io.input.arbitrationFrom(this);
        adapter.io.input.payload.assign(payload.asBits());
        out.arbitrationFrom(adapter.io.output);
        out.payload.assignFromBits(adapter.io.output.payload);
        return out;
    }

    /** A flow of the same words, always ready (SpinalHDL {@code toFlow}): latency 0. */
    public Flow<T> toFlow() {
        Flow<T> flow = new Flow<>(payloadType);
        DerivedName.after(this, "toFlow", flow);
        flow.valid.assign(valid);
        flow.payload.assign(payload);
        ready.assign(True());
        return flow;
    }
}
