package dev.spindle.sim;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.sim.verilator.NativeModel;
import dev.spindle.sim.verilator.Port;

import java.util.ArrayList;
import java.util.List;

/**
 * The clock domains of a model, from its manifest. With one domain a cycle is a single downcall; with several,
 * time advances edge by edge and each clock toggles at its own period.
 */
final class Clocks {
    private record Domain(Manifest.ClockDomainInfo info, Port clock, Port reset, Port enable, long halfPeriod) {
        boolean resetActiveHigh() { return !"LOW".equals(info.resetActive()); }
    }

    private final NativeModel model;
    private final List<Domain> domains = new ArrayList<>();
    private final Domain primary;
    private long now;

    Clocks(NativeModel model, Manifest manifest) {
        this.model = model;
        for (Manifest.ClockDomainInfo d : manifest.clockDomains()) {
            long half = Math.max(1, Math.round(d.periodNs() > 0 ? d.periodNs() / 2 : 5));
            domains.add(new Domain(d, model.port(d.clock()), d.reset() == null ? null : model.port(d.reset()),
                    d.enable() == null ? null : model.port(d.enable()), half));
        }
        // The primary domain is the one clocked by clk, else the first.
        Domain primary = domains.isEmpty() ? null : domains.getFirst();
        for (Domain d : domains) if (d.info().clock().equals(NativeModel.DEFAULT_CLOCK)) primary = d;
        this.primary = primary;
    }

    /** True when a cycle is {@link NativeModel#cycle()}: one domain, clocked by {@code clk}. */
    boolean single() {
        return primary != null && domains.size() == 1 && primary.info().clock().equals(NativeModel.DEFAULT_CLOCK);
    }

    /** One period of the primary domain. */
    void cycle() {
        if (primary == null) {
            model.eval();
        } else if (domains.size() == 1) {
            model.cycle(primary.clock());
        } else {
            runFor(2 * primary.halfPeriod());
        }
    }

    void cycles(long n) {
        if (primary != null && domains.size() == 1) {
            model.cycles(primary.clock(), n);
        } else {
            for (long i = 0; i < n; i++) cycle();
        }
    }

    /**
     * Holds every reset active (and every clock enable high) for {@code cycles} primary cycles, then releases. The
     * reset is driven inactive and evaluated first, so asserting it is an edge whatever its polarity and level
     * before (an asynchronous active-low reset starts at 0: without this it would take effect only at a clock edge).
     */
    void reset(int cycles) {
        for (Domain d : domains) if (d.reset() != null) d.reset().set(d.resetActiveHigh() ? 0 : 1);
        model.eval();
        for (Domain d : domains) {
            if (d.enable() != null) d.enable().set(1);
            if (d.reset() != null) d.reset().set(d.resetActiveHigh() ? 1 : 0);
        }
        model.eval();
        for (int i = 0; i < cycles; i++) cycle();
        for (Domain d : domains) if (d.reset() != null) d.reset().set(d.resetActiveHigh() ? 0 : 1);
        model.eval();
    }

    void reset() {
        if (!domains.isEmpty()) reset(1);
    }

    /** Advances {@code ns}: at each moment some clock toggles, set it, evaluate, and move time on. */
    void runFor(long ns) {
        long end = now + ns;
        while (true) {
            long next = Long.MAX_VALUE;
            for (Domain d : domains) next = Math.min(next, nextToggle(d));
            if (next > end) break;
            List<Domain> toggling = new ArrayList<>();
            for (Domain d : domains) if (nextToggle(d) == next) toggling.add(d);
            model.advance(next - now);
            now = next;
            for (Domain d : toggling) d.clock().set(d.clock().get() ^ 1);
            model.eval();
        }
        if (end > now) model.advance(end - now);
        now = end;
    }

    /** Clocks start low and toggle every half period: the next toggle strictly after now. */
    private long nextToggle(Domain d) { return (now / d.halfPeriod() + 1) * d.halfPeriod(); }
}
