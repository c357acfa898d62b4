package dev.spindle.sim.axi;

import dev.spindle.sim.Agent;
import dev.spindle.sim.Sim;

/**
 * Checks an AXI4-Lite interface ({@code <prefix>_aw*}, {@code _w*}, {@code _b*}, {@code _ar*}, {@code _r*}) every
 * cycle: on each of the five channels valid is never withdrawn before ready and the payload is stable while
 * stalled; a write response comes only for a write whose address and data were both taken, a read response only
 * for a taken read address. Register it with {@code sim.add(...)}; the first violation throws {@link ProtocolViolation}.
 */
public final class AxiLiteChecker implements Agent {
    private final String name;
    private final Handshake aw, w, b, ar, r;
    private long addressesWritten, dataWritten, responsesWritten, readsAsked, readsAnswered;

    public AxiLiteChecker(Sim<?> sim, String prefix) {
        name = "AXI4-Lite " + prefix;
        aw = new Handshake(sim, name + " AW", prefix + "_awvalid", prefix + "_awready", prefix + "_awaddr", prefix + "_awprot");
        w = new Handshake(sim, name + " W", prefix + "_wvalid", prefix + "_wready", prefix + "_wdata", prefix + "_wstrb");
        b = new Handshake(sim, name + " B", prefix + "_bvalid", prefix + "_bready", prefix + "_bresp");
        ar = new Handshake(sim, name + " AR", prefix + "_arvalid", prefix + "_arready", prefix + "_araddr", prefix + "_arprot");
        r = new Handshake(sim, name + " R", prefix + "_rvalid", prefix + "_rready", prefix + "_rdata", prefix + "_rresp");
    }

    @Override public void drive(long cycle) { }

    @Override
    public void sample(long cycle) {
        long writesComplete = Math.min(addressesWritten, dataWritten);
        if (b.valid() && responsesWritten >= writesComplete) {
            throw new ProtocolViolation(name, "write response (bvalid) without a write whose address and data were taken", cycle);
        }
        if (r.valid() && readsAnswered >= readsAsked) {
            throw new ProtocolViolation(name, "read response (rvalid) without a read address taken", cycle);
        }
        if (aw.sample(cycle)) addressesWritten++;
        if (w.sample(cycle)) dataWritten++;
        if (b.sample(cycle)) responsesWritten++;
        if (ar.sample(cycle)) readsAsked++;
        if (r.sample(cycle)) readsAnswered++;
    }

    /** Transfers seen (writes, reads), proof that the checker saw traffic. */
    public long transfers() { return responsesWritten + readsAnswered; }
}
