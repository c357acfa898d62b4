package dev.spindle.sim;

import java.math.BigInteger;
import java.util.Random;

/**
 * The AXI-Stream rules of one stream, checked every cycle before the clock edge: once valid is raised it stays high
 * until the word fires, and the payload does not change while valid waits for ready. A broken rule fails at once
 * with the cycle, the stream's name, the leaves that changed and the seed.
 */
final class StreamProtocol {
    private final StreamPorts<?> ports;
    private final Random random;
    private final long[] held;
    private final BigInteger[] heldWide;
    private boolean stalled;

    StreamProtocol(StreamPorts<?> ports, Random random) {
        this.ports = ports;
        this.random = random;
        this.held = new long[ports.payload.length];
        this.heldWide = new BigInteger[ports.payload.length];
    }

    /** Checks this cycle against the last one; {@code valid}/{@code ready} are the values the agent just read. */
    void observe(boolean valid, boolean ready, long cycle) {
        if (stalled) {
            if (!valid) fail(cycle, "valid dropped while stalled (valid was high and ready low in cycle " + (cycle - 1) + ")");
            String changed = changedLeaves();
            if (changed != null) fail(cycle, "payload changed while stalled: " + changed);
        }
        stalled = valid && !ready;
        if (stalled) hold();
    }

    private void hold() {
        SimPort[] p = ports.payload;
        for (int i = 0; i < p.length; i++) {
            if (p[i].width() <= 64) held[i] = p[i].raw();
            else heldWide[i] = p[i].big();
        }
    }

    /** The leaves that differ from the held payload, or null. */
    private String changedLeaves() {
        SimPort[] p = ports.payload;
        StringBuilder sb = null;
        for (int i = 0; i < p.length; i++) {
            boolean same;
            String was;
            String now;
            if (p[i].width() <= 64) {
                long v = p[i].raw();
                same = v == held[i];
                was = Long.toHexString(held[i]);
                now = Long.toHexString(v);
            } else {
                BigInteger v = p[i].big();
                same = v.equals(heldWide[i]);
                was = heldWide[i].toString(16);
                now = v.toString(16);
            }
            if (!same) {
                sb = sb == null ? new StringBuilder() : sb.append(", ");
                sb.append(p[i].name()).append(" 0x").append(was).append(" -> 0x").append(now);
            }
        }
        return sb == null ? null : sb.toString();
    }

    private void fail(long cycle, String what) {
        throw new AssertionError("stream " + ports.name + ", cycle " + cycle + ": " + what + SeededRandom.describe(random));
    }
}
