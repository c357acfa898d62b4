package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;

/**
 * A valid/ready handshake carrying a payload, as SpinalHDL's {@code Stream}: a word moves when
 * {@link #fire()} (valid and ready) holds at a clock edge. Declared from the master's side: valid and payload
 * out, ready in; use {@code master(...)} / {@code slave(...)} in an io bundle.
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

    public static <T extends Data> HardType<Stream<T>> type(HardType<T> payloadType) { return () -> new Stream<>(payloadType); }

    public HardType<T> payloadType() { return payloadType; }

    /** A word is transferred this cycle. */
    public Bool fire() { return valid.and(ready); }

    /** Valid but not accepted: the producer must hold its payload. */
    public Bool isStall() { return valid.and(ready.not()); }

    @Override public Bundle cloneType() { return new Stream<>(payloadType); }
}
