package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;

import java.util.function.Function;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegNext;
import static dev.spindle.hdl.Hdl.RegNextWhen;
import static dev.spindle.hdl.Hdl.typeOf;

/**
 * A valid signal and a payload, no back-pressure (SpinalHDL's {@code Flow}): the word is taken in every cycle where
 * valid holds. Ports flatten to {@code io_<name>_valid}, {@code io_<name>_payload[_<field>]}.
 */
public class Flow<T extends Data> extends Bundle {
    public final Bool valid;
    public final T payload;
    private final HardType<T> payloadType;

    public Flow(HardType<T> payloadType) {
        this.payloadType = payloadType;
        valid = out(Bool.type());
        payload = out(payloadType);
    }

    public static <T extends Data> HardType<Flow<T>> type(HardType<T> payloadType) { return () -> new Flow<>(payloadType); }

    public static <T extends Data> Flow<T> of(HardType<T> payloadType) { return new Flow<>(payloadType); }

    public HardType<T> payloadType() { return payloadType; }

    @Override public Bundle cloneType() { return new Flow<>(payloadType); }

    /** {@code this << that}: valid and payload from {@code that}. */
    public void connectFrom(Flow<T> that) {
        valid.assign(that.valid);
        payload.assign(that.payload);
    }

    private <U extends Data> Flow<U> derived(HardType<U> type, String suffix) {
        Flow<U> next = new Flow<>(type);
        return DerivedName.after(this, suffix, next);
    }

    private <D extends Data> D nameAfterThis(D target, String suffix) {
        return DerivedName.after(this, suffix, target);
    }

    /** Registers valid and payload ({@code <x>_rValid}, {@code <x>_rData}): latency 1 cycle, full throughput. */
    public Flow<T> m2sPipe() {
        Flow<T> next = derived(payloadType, "m2sPipe");
        next.valid.assign(nameAfterThis(RegNext(valid, False()), "rValid"));
        next.payload.assign(nameAfterThis(RegNextWhen(payload, valid), "rData"));
        return next;
    }

    /** The same valid carrying {@code data}: latency 0. */
    public <U extends Data> Flow<U> translateWith(U data) {
        Flow<U> next = derived(typeOf(data), "translated");
        next.valid.assign(valid);
        next.payload.assign(data);
        return next;
    }

    /** {@code translateWith(f.apply(payload))}: latency 0. */
    public <U extends Data> Flow<U> map(Function<T, U> f) { return translateWith(f.apply(payload)); }

    /** Drops the words for which {@code cond} holds: latency 0. */
    public Flow<T> throwWhen(Bool cond) { return filter(cond.not(), "thrown"); }

    /** Keeps only the words for which {@code cond} holds: latency 0. */
    public Flow<T> takeWhen(Bool cond) { return filter(cond, "takeWhen"); }

    private Flow<T> filter(Bool keep, String suffix) {
        Flow<T> next = derived(payloadType, suffix);
        next.valid.assign(valid.and(keep));
        next.payload.assign(payload);
        return next;
    }

    /** A stream of the same words whose ready is ignored (a word not taken is lost): latency 0. */
    public Stream<T> toStream() {
        Stream<T> next = new Stream<>(payloadType);
        DerivedName.after(this, "toStream", next);
        next.valid.assign(valid);
        next.payload.assign(payload);
        return next;
    }

    /** {@link #toStream()}, with {@code overflow} driven high in each cycle a word is lost (valid but not ready). */
    public Stream<T> toStream(Bool overflow) {
        Stream<T> next = toStream();
        overflow.assign(next.isStall());
        return next;
    }
}
