package dev.spindle.estimate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A design estimated module by module ({@link PerModuleEstimate}): a row per distinct module and the totals, the
 * sum over every instance. Totals from per-module synthesis ignore optimisation across module boundaries
 * (constants a parent feeds a child, logic a child's unused output drives), and the depth is the deepest path
 * inside one module: a combinational path from one module through another is cut at the boundary.
 *
 * @param units children before parents, the top last
 * @param total the top's {@link UnitEstimate#inclusive()}; its {@code seconds} the sum of every Yosys run
 */
public record HierarchyEstimate(List<UnitEstimate> units, ResourceEstimate total) {
    public HierarchyEstimate {
        units = List.copyOf(units);
    }

    /** The {@code --json} form of the totals, exactly as a flat estimate prints it. */
    public String toJson() {
        return total.toJson();
    }

    /** One row a module (its own logic and one instance with its submodules), then the totals. */
    public String toTable() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%s on %s, per module (%d modules, %.1f s; totals ignore optimisation across module boundaries)%n",
                total.top(), total.family(), units.size(), total.seconds()));
        String head = "  %-24s %5s | %8s %8s %5s %6s %5s | %8s %8s %5s %6s %5s | %7s%n";
        sb.append(String.format(Locale.ROOT, head, "", "", "own", "", "", "", "", "with submodules", "", "", "", "", ""));
        sb.append(String.format(Locale.ROOT, head, "module", "count", "LUT", "FF", "DSP", "BRAM", "depth",
                "LUT", "FF", "DSP", "BRAM", "depth", "seconds"));
        for (UnitEstimate u : units) {
            ResourceEstimate o = u.own();
            ResourceEstimate i = u.inclusive();
            // a module taken from the estimate cache took no time: "cached" (a Yosys run never takes 0.0 s)
            String time = u.sameAs() != null ? "=" + u.sameAs() : o.seconds() == 0 ? "cached" : String.format(Locale.ROOT, "%.1f", o.seconds());
            sb.append(String.format(Locale.ROOT, "  %-24s %5d | %8d %8d %5d %6s %5d | %8d %8d %5d %6s %5d | %7s%n",
                    u.module(), u.instances(), o.lut(), o.ff(), o.dsp(), bram(o.bram()), o.depth(),
                    i.lut(), i.ff(), i.dsp(), bram(i.bram()), i.depth(), time));
        }
        sb.append(String.format(Locale.ROOT, "  %-24s %5s | %8s %8s %5s %6s %5s | %8d %8d %5d %6s %5d |%n",
                "total", "", "", "", "", "", "", total.lut(), total.ff(), total.dsp(), bram(total.bram()), total.depth()));
        sb.append(String.format(Locale.ROOT, "  URAM %d, CARRY %d, LUT as memory %d%n", total.uram(), total.carry(), total.lutram()));
        return sb.toString();
    }

    private static String bram(double b) {
        return b == Math.rint(b) ? Long.toString((long) b) : Double.toString(b);
    }

    /** {@code own} plus each part times its count; the cells of black-box children left out, depth the largest. */
    static ResourceEstimate combine(ResourceEstimate own, List<Map.Entry<ResourceEstimate, Long>> parts, Set<String> moduleNames, double seconds) {
        long lut = own.lut(), ff = own.ff(), dsp = own.dsp(), uram = own.uram(), carry = own.carry(), lutram = own.lutram();
        double bram = own.bram();
        int depth = own.depth();
        Map<String, Integer> cells = new TreeMap<>();
        own.cells().forEach((t, n) -> { if (!moduleNames.contains(t)) cells.merge(t, n, Integer::sum); });
        for (var e : parts) {
            ResourceEstimate p = e.getKey();
            long n = e.getValue();
            lut += n * p.lut();
            ff += n * p.ff();
            dsp += n * p.dsp();
            bram += n * p.bram();
            uram += n * p.uram();
            carry += n * p.carry();
            lutram += n * p.lutram();
            depth = Math.max(depth, p.depth());
            p.cells().forEach((t, c) -> cells.merge(t, Math.toIntExact(n * c), Integer::sum));
        }
        return new ResourceEstimate(Math.toIntExact(lut), Math.toIntExact(ff), Math.toIntExact(dsp), bram, Math.toIntExact(uram),
                Math.toIntExact(carry), depth, Math.toIntExact(lutram), own.top(), own.family(), cells, seconds);
    }
}
