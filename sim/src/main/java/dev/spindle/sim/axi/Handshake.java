package dev.spindle.sim.axi;

import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The valid/ready rules of one AXI channel, checked each cycle before the clock edge: once {@code valid} is high
 * without {@code ready}, {@code valid} must stay high and every payload signal keep its value until the transfer.
 */
final class Handshake {
    private final String name;
    private final SimPort valid;
    private final SimPort ready;
    private final List<SimPort> payload = new ArrayList<>();
    private boolean stalled;
    private int[][] held;

    Handshake(Sim<?> sim, String name, String validPort, String readyPort, String... payloadPorts) {
        this.name = name;
        this.valid = sim.out(validPort);
        this.ready = sim.out(readyPort);
        for (String p : payloadPorts) payload.add(sim.out(p));
    }

    /** Checks this cycle's values; returns whether a transfer happens at the coming edge. */
    boolean sample(long cycle) {
        boolean v = valid.raw() != 0;
        boolean r = ready.raw() != 0;
        if (stalled) {
            if (!v) throw new ProtocolViolation(name, valid.name() + " dropped before " + ready.name() + " (a stalled transfer was withdrawn)", cycle);
            for (int i = 0; i < payload.size(); i++) {
                if (!Arrays.equals(held[i], words(payload.get(i)))) {
                    throw new ProtocolViolation(name, payload.get(i).name() + " changed while stalled (valid high, ready low)", cycle);
                }
            }
        }
        stalled = v && !r;
        if (stalled && held == null) {
            held = new int[payload.size()][];
        }
        if (stalled) for (int i = 0; i < payload.size(); i++) held[i] = words(payload.get(i));
        return v && r;
    }

    boolean valid() { return valid.raw() != 0; }

    private static int[] words(SimPort p) {
        int[] w = new int[p.words()];
        for (int i = 0; i < w.length; i++) w[i] = p.word(i);
        return w;
    }
}
