package dev.spindle.sim;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.util.Random;

/**
 * What a {@link StreamDriver} and a {@link StreamMonitor} share: the stream's ports bound to the payload's codec,
 * the AXI protocol check, the test's seeded {@code Random} with the probability it draws against each cycle (input
 * gaps or back-pressure), the words that fired (counted, and passed to listeners or kept on request), and the control
 * line it drives, low until it drives it. The agent registers itself with the simulation. {@code A} is the agent's
 * own type, so the shared set-up calls chain.
 */
abstract sealed class StreamAgent<V, A extends StreamAgent<V, A>> implements Agent permits StreamDriver, StreamMonitor {
    final StreamPorts<V> ports;
    final Random random;
    /** The chance, each cycle, that the agent holds back (a gap in the input, or ready low); 0 draws nothing. */
    final double holdBack;
    final Fires<V> fires;
    /** Null once switched off ({@link StreamMonitor#withoutProtocolCheck}). */
    StreamProtocol protocol;

    /** The side of the stream an agent plays: the name of its hold-back probability, and the control line it drives. */
    enum Side {
        DRIVER("gap"), MONITOR("backPressure");

        final String parameter;

        Side(String parameter) { this.parameter = parameter; }

        SimPort control(StreamPorts<?> ports) { return this == DRIVER ? ports.valid : ports.ready; }
    }

    StreamAgent(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, Side side, double holdBack) {
        if (!(holdBack >= 0 && holdBack < 1)) {
            String p = side.parameter;
            throw new IllegalArgumentException(p + " = " + holdBack + " is out of range: allowed 0 <= " + p + " < 1");
        }
        this.ports = new StreamPorts<>(sim, stream, codec);
        this.protocol = new StreamProtocol(ports, random);
        this.random = random;
        this.holdBack = holdBack;
        this.fires = new Fires<>(ports.name);
        side.control(ports).setRaw(0);
        sim.add(this);
    }

    /** Called with every word as it fires. */
    public final A onBeat(Beat.Listener<V> listener) {
        fires.listen(listener);
        return self();
    }

    /** Keeps every word that fires, with its cycle (a driver's {@code sent()}, a monitor's {@code received()}). */
    public final A record() {
        fires.record();
        return self();
    }

    @SuppressWarnings("unchecked")
    private A self() { return (A) this; }

    /** True when this cycle's draw says to hold back. */
    final boolean holdsBack() { return holdBack != 0 && random.nextDouble() < holdBack; }

    /** The payload's codec (e.g. for {@link Codec#random} stimulus). */
    public final Codec<V> codec() { return ports.codec; }

    /** The stream's name (its port prefix, {@code io_input}). */
    public final String name() { return ports.name; }

    /** Words that fired so far. */
    public final long fired() { return fires.count(); }

    /** The cycle the first word fired in, or -1. */
    public final long firstFire() { return fires.first(); }
}
