package dev.spindle.sim;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.util.Random;

/**
 * What a {@link StreamDriver} and a {@link StreamMonitor} share: the stream's ports bound to the payload's codec,
 * the AXI protocol check, the test's seeded {@code Random} with the probability it draws against each cycle (input
 * gaps or back-pressure), and the count of the words that fired. The agent registers itself with the simulation.
 */
abstract sealed class StreamAgent<V> implements Agent permits StreamDriver, StreamMonitor {
    final StreamPorts<V> ports;
    final Random random;
    /** The chance, each cycle, that the agent holds back (a gap in the input, or ready low); 0 draws nothing. */
    final double holdBack;
    final Fires<V> fires;
    /** Null once switched off ({@link StreamMonitor#withoutProtocolCheck}). */
    StreamProtocol protocol;

    StreamAgent(Sim<?> sim, Stream<? extends Data> stream, Codec<V> codec, Random random, String parameter, double holdBack) {
        if (!(holdBack >= 0 && holdBack < 1)) {
            throw new IllegalArgumentException(parameter + " = " + holdBack + " is out of range: allowed 0 <= " + parameter + " < 1");
        }
        this.ports = new StreamPorts<>(sim, stream, codec);
        this.protocol = new StreamProtocol(ports, random);
        this.random = random;
        this.holdBack = holdBack;
        this.fires = new Fires<>(ports.name);
        sim.add(this);
    }

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
