package dev.spindle.hdl.ir;

/**
 * A clock domain in the netlist: the clock, an optional reset and an optional clock enable, all ordinary signals.
 * Identity matters: two registers share a domain only if they hold the same object.
 */
public final class Domain {
    public enum ResetKind { ASYNC, SYNC }
    public enum Polarity { HIGH, LOW }
    public enum Edge { RISING, FALLING }

    private final String name;
    private final Signal clock;
    private final Signal reset;
    private final ResetKind resetKind;
    private final Polarity resetActive;
    private final Signal enable;
    private final Edge edge;
    private final double periodNs;

    public Domain(String name, Signal clock, Signal reset, ResetKind resetKind, Polarity resetActive,
                  Signal enable, Edge edge, double periodNs) {
        this.name = name;
        this.clock = clock;
        this.reset = reset;
        this.resetKind = resetKind;
        this.resetActive = resetActive;
        this.enable = enable;
        this.edge = edge;
        this.periodNs = periodNs;
    }

    public String name() { return name; }
    public Signal clock() { return clock; }
    public Signal reset() { return reset; }
    public ResetKind resetKind() { return resetKind; }
    public Polarity resetActive() { return resetActive; }
    public Signal enable() { return enable; }
    public Edge edge() { return edge; }
    /** Nominal period, used by simulation and constraints; 0 when unknown. */
    public double periodNs() { return periodNs; }

    @Override public String toString() { return "clock domain '" + name + "'"; }
}
