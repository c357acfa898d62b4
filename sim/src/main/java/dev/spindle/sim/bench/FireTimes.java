package dev.spindle.sim.bench;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;
import dev.spindle.sim.Agent;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;

import java.util.ArrayDeque;

/**
 * The cycles in which a top-level stream fires ({@code valid && ready} at the edge), oldest first, for latency
 * measurements. Register it after the agents that drive the stream, so it samples what they set.
 */
final class FireTimes implements Agent {
    private final SimPort.BoolPort valid;
    private final SimPort.BoolPort ready;
    private final ArrayDeque<Long> cycles = new ArrayDeque<>();

    FireTimes(Sim<?> sim, Stream<? extends Data> stream) {
        this.valid = sim.port(stream.valid);
        this.ready = sim.port(stream.ready);
        sim.add(this);
    }

    @Override public void drive(long cycle) { }

    @Override
    public void sample(long cycle) {
        if (valid.get() && ready.get()) cycles.add(cycle);
    }

    /** The oldest fire not yet taken. */
    long take() {
        Long c = cycles.poll();
        if (c == null) throw new IllegalStateException("no fire recorded");
        return c;
    }

    boolean isEmpty() { return cycles.isEmpty(); }
}
