package dev.spindle.hdl;

import dev.spindle.hdl.ir.Domain;

/**
 * A clock domain: clock, optional reset (sync or async, active high or low) and optional clock enable.
 * The default domain is {@code clk} with an asynchronous active-high {@code reset}, as in SpinalHDL.
 * Run code in another domain with {@code domain.on(() -> ...)}.
 */
public final class ClockDomain {
    /** How a domain's reset and enable are built. */
    public record Config(boolean hasReset, Domain.ResetKind resetKind, Domain.Polarity resetActive,
                         boolean hasEnable, double periodNs) {
        public Config {
            Require.nonNull("resetKind", resetKind);
            Require.nonNull("resetActive", resetActive);
            if (!(periodNs >= 0)) throw new IllegalArgumentException("periodNs = " + periodNs + " is out of range: allowed >= 0");
        }

        /** Async active-high reset, no enable: SpinalHDL's default. */
        public static Config defaults() { return new Config(true, Domain.ResetKind.ASYNC, Domain.Polarity.HIGH, false, 10.0); }

        public Config withPeriodNs(double ns) { return new Config(hasReset, resetKind, resetActive, hasEnable, ns); }

        public Config withReset(Domain.ResetKind kind, Domain.Polarity active) { return new Config(true, kind, active, hasEnable, periodNs); }

        public Config withoutReset() { return new Config(false, resetKind, resetActive, hasEnable, periodNs); }

        public Config withEnable() { return new Config(hasReset, resetKind, resetActive, true, periodNs); }
    }

    private final Domain domain;

    ClockDomain(Domain domain) { this.domain = domain; }

    /** A domain driven from top-level ports {@code <name>_clk}, {@code <name>_reset} (and {@code <name>_clkEn}). */
    public static ClockDomain external(String name, Config c) {
        String resetName = c.resetActive() == Domain.Polarity.LOW ? name + "_resetn" : name + "_reset";
        return new ClockDomain(Elaboration.current().newExternalDomain(name, name + "_clk",
                c.hasReset() ? resetName : null, c.resetKind(), c.resetActive(), c.hasEnable() ? name + "_clkEn" : null, c.periodNs()));
    }

    public static ClockDomain external(String name) { return external(name, Config.defaults()); }

    /**
     * A domain driven from top-level ports with the given names, for a top whose ports a vendor IP fixes (the XDMA
     * user side: {@code axi_aclk}, {@code axi_aresetn}); {@code resetPort} is ignored when the config has no reset.
     */
    public static ClockDomain external(String name, String clockPort, String resetPort, Config c) {
        return new ClockDomain(Elaboration.current().newExternalDomain(name, clockPort,
                c.hasReset() ? resetPort : null, c.resetKind(), c.resetActive(), c.hasEnable() ? name + "_clkEn" : null, c.periodNs()));
    }

    /** A domain driven by signals of this design (a divided clock, a reset from a synchronizer). */
    public static ClockDomain internal(String name, Bool clock, Bool reset, Config c) {
        return new ClockDomain(Elaboration.current().newInternalDomain(name, clock.signal("a clock"),
                reset == null ? null : reset.signal("a reset"), c.resetKind(), c.resetActive(), null, c.periodNs()));
    }

    public Domain node() { return domain; }

    public String name() { return domain.name(); }

    /** Builds {@code body} with this as the current clock domain (SpinalHDL's ClockingArea). */
    public void on(Runnable body) { Elaboration.current().inDomain(domain, body); }

    public Bool clock() { return new Bool(domain.clock()); }

    public Bool reset() {
        if (domain.reset() == null) throw new IllegalStateException(domain + " has no reset");
        return new Bool(domain.reset());
    }
}
