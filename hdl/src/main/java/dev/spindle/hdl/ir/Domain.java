package dev.spindle.hdl.ir;

/**
 * A clock domain in the netlist: the clock, an optional reset and an optional clock enable, all ordinary signals,
 * and the nominal period (used by simulation and constraints; 0 when unknown). Signals compare by identity, so two
 * domains are equal only when they are clocked, reset and enabled by the very same signals (and agree on the rest):
 * registers share a domain when they share its clock, reset and enable, and then one process writes them.
 */
public record Domain(String name, Signal clock, Signal reset, ResetKind resetKind, Polarity resetActive,
                     Signal enable, Edge edge, double periodNs) {
    public enum ResetKind { ASYNC, SYNC }
    public enum Polarity { HIGH, LOW }
    public enum Edge { RISING, FALLING }

    @Override public String toString() { return "clock domain '" + name + "'"; }
}
