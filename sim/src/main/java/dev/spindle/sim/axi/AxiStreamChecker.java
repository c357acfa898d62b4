package dev.spindle.sim.axi;

import dev.spindle.sim.Agent;
import dev.spindle.sim.Sim;

/**
 * Checks an AXI4-Stream interface ({@code <prefix>_tvalid/tready/tdata/tkeep/tlast}) every cycle: tvalid never
 * withdrawn before tready, tdata, tkeep and tlast stable while stalled, no beat with tkeep all zero. Register it with
 * {@code sim.add(...)}; the first violation throws {@link ProtocolViolation}.
 */
public final class AxiStreamChecker implements Agent {
    private final Handshake channel;
    private final dev.spindle.sim.SimPort tkeep;
    private final String prefix;
    private long beats;

    public AxiStreamChecker(Sim<?> sim, String prefix) {
        this.prefix = prefix;
        channel = new Handshake(sim, "AXI4-Stream " + prefix, prefix + "_tvalid", prefix + "_tready",
                prefix + "_tdata", prefix + "_tkeep", prefix + "_tlast");
        tkeep = sim.out(prefix + "_tkeep");
    }

    @Override public void drive(long cycle) { }

    @Override
    public void sample(long cycle) {
        if (channel.sample(cycle)) {
            beats++;
            boolean any = false;
            for (int i = 0; i < tkeep.words(); i++) any |= tkeep.word(i) != 0;
            if (!any) throw new ProtocolViolation("AXI4-Stream " + prefix, "a beat with tkeep all zero", cycle);
        }
    }

    /** Beats transferred so far (proof that the checker saw traffic). */
    public long beats() { return beats; }
}
