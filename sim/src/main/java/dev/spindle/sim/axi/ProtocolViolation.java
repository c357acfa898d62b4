package dev.spindle.sim.axi;

/** A broken AXI rule seen in simulation: the interface, the rule, the cycle. Fails the test that caused it. */
public final class ProtocolViolation extends AssertionError {
    public ProtocolViolation(String iface, String rule, long cycle) {
        super(iface + ": " + rule + " (cycle " + cycle + ")");
    }
}
