package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Random;

/**
 * Feeds words into a stream input of the design, with random gaps: each cycle a new word is offered with
 * probability {@code 1 - gap}; once offered, it stays valid and unchanged until it fires (the AXI rule).
 * Words are the payload's bits as one unsigned number ({@link Data#asBits()} order: first field high).
 */
public final class StreamDriver implements Agent {
    private final SimPort valid;
    private final SimPort ready;
    private final PayloadPorts payload;
    private final Random random;
    private final double gap;
    private final ArrayDeque<BigInteger> queue = new ArrayDeque<>();
    private boolean offering;
    private long fired;

    public StreamDriver(Sim<?> sim, Stream<? extends Data> stream, Random random, double gap) {
        if (!(gap >= 0 && gap < 1)) throw new IllegalArgumentException("gap = " + gap + " is out of range: allowed 0 <= gap < 1");
        this.valid = sim.in(portName(stream.valid));
        this.ready = sim.out(portName(stream.ready));
        this.payload = new PayloadPorts(sim, stream.payload);
        this.random = random;
        this.gap = gap;
        valid.setRaw(0);
        sim.add(this);
    }

    static String portName(BaseType b) { return ((dev.spindle.hdl.ir.Signal) b.node()).name(); }

    public void push(long word) { queue.add(BigInteger.valueOf(word)); }

    public void push(BigInteger word) { queue.add(word); }

    public boolean idle() { return queue.isEmpty() && !offering; }

    /** Words accepted by the design so far. */
    public long fired() { return fired; }

    @Override
    public void drive(long cycle) {
        if (!offering && !queue.isEmpty() && random.nextDouble() >= gap) {
            payload.set(queue.peek());
            offering = true;
        }
        valid.setRaw(offering ? 1 : 0);
    }

    @Override
    public void sample(long cycle) {
        if (offering && ready.raw() != 0) {
            queue.poll();
            offering = false;
            fired++;
        }
    }
}
