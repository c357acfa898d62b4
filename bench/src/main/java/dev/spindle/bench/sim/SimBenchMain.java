package dev.spindle.bench.sim;

import dev.spindle.sim.verilator.NativeBenchmark;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The simulation benchmark without JMH, for {@code scripts/bench sim}:
 * <ul>
 * <li>{@code SimBenchMain builds}: the uncached and cached model build times of every {@link Design}
 *   ({@link ModelBuildTimes}), and the C++ loops compiled into the cache ({@link NativeExes}), ready for the timing
 *   runs and for {@link SimBench};</li>
 * <li>{@code SimBenchMain time <design>...}: short direct timing loops. Per design: one checksum run of
 *   {@code checkCycles} (Java on a fresh model and the C++ executable, which must agree), then a warm-up round and
 *   {@code rounds} rounds that each time one Java run on the open model and one C++ run; the best round of each side
 *   counts (many short rounds, about 0.1 s each, so that a burst of other work on the machine spoils few of them).
 *   Java is timed with {@code System.nanoTime()} around {@link Workload#run}; the C++ loop times itself
 *   (steady clock around the loop), so its process start and model construction are not counted.
 *   {@code scripts/bench sim --quick} runs one JVM per design, so that no design's JIT profile slows another's
 *   code, as JMH's forks do;</li>
 * <li>{@code SimBenchMain quick}: both, every design in this JVM, then the ratio line;</li>
 * <li>{@code SimBenchMain agents typed|bare [--quick]}: one side of the typed stream agents' cost
 *   ({@link AgentCost}), one {@code agents ...} line;</li>
 * <li>{@code SimBenchMain btag}: the whole b-tag network ({@link BtagTestbench}) timed as {@code time} times a design
 *   but in CPU time on both sides (the Java thread's, the C++ process's {@code std::clock}), one
 *   {@code sim design=btag ...} line (its model and C++ loop are built on first use: minutes).</li>
 * </ul>
 * Output (stdout): {@code build ...} lines, {@code sim ...} lines, and with {@code quick}, last,
 * {@code ratio_small=<x> ratio_large=<y>}.
 */
public final class SimBenchMain {
    private SimBenchMain() {}

    /**
     * Cycles of the checksum run and of each timed run, the number of timed rounds, and whether both sides are
     * timed in CPU time (the Java thread's, the C++ process's) rather than wall time.
     */
    record Plan(long checkCycles, long javaCycles, long cppCycles, int rounds, boolean cpuTime) {
        Plan(long checkCycles, long javaCycles, long cppCycles, int rounds) { this(checkCycles, javaCycles, cppCycles, rounds, false); }
    }

    static final Map<Design, Plan> QUICK = new EnumMap<>(Map.of(
            Design.SMALL, new Plan(1_000_000, 3_000_000, 4_000_000, 10),
            Design.LARGE, new Plan(20_000, 50_000, 50_000, 10),
            Design.LANES16, new Plan(200_000, 500_000, 700_000, 10)));

    /**
     * The b-tag network: some 20,000 cycles a second, so short runs (its weights load in the set-up, untimed), in
     * CPU time: a round of either side is long enough for other work on a shared machine to halve its wall speed.
     */
    static final Plan BTAG = new Plan(3_000, 6_000, 6_000, 10, true);

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        String mode = args.length >= 1 ? args[0] : "";
        switch (mode) {
            case "builds" -> {
                builds();
                for (Design d : Design.values()) {
                    try (Workload tb = d.open()) {
                        NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
                    }
                }
            }
            case "agents" -> {
                AgentCost.Side side = AgentCost.Side.valueOf(args[1].toUpperCase(Locale.ROOT));
                boolean quick = args.length >= 3 && args[2].equals("--quick");
                System.out.println(AgentCost.measure(side, quick ? 4000 : 8000, quick ? 10 : 20).line());
            }
            case "btag" -> {
                try (Workload tb = BtagTestbench.open()) {
                    Path exe = NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
                    System.out.println(measure("btag", BtagTestbench::open, tb, exe, BTAG).line());
                }
            }
            case "time" -> {
                for (int i = 1; i < args.length; i++) System.out.println(time(design(args[i])).line());
            }
            case "quick" -> {
                builds();
                var figures = new EnumMap<Design, Figures>(Design.class);
                for (Design d : Design.values()) figures.put(d, time(d));
                for (Figures f : figures.values()) System.out.println(f.line());
                System.out.printf(Locale.ROOT, "ratio_small=%.3f ratio_large=%.3f%n",
                        figures.get(Design.SMALL).ratio(), figures.get(Design.LARGE).ratio());
            }
            default -> {
                System.err.println("usage: SimBenchMain builds | time <design>... | quick | agents typed|bare [--quick] | btag   (designs: small, large, lanes16)");
                System.exit(2);
            }
        }
    }

    private static Design design(String label) {
        for (Design d : Design.values()) if (d.label().equals(label)) return d;
        throw new IllegalArgumentException("no design '" + label + "' (small, large, lanes16)");
    }

    static void builds() {
        for (Design d : Design.values()) {
            var t = ModelBuildTimes.measure(d.label(), d.top());
            System.out.printf(Locale.ROOT, "build design=%s uncached_s=%.2f lint_s=%.2f verilator_s=%.2f gxx_s=%.2f cached_s=%.4f%n",
                    t.design(), t.uncachedSeconds(), t.lintSeconds(), t.verilatorSeconds(), t.gxxSeconds(), t.cachedSeconds());
        }
    }

    static Figures time(Design d) {
        try (Workload tb = d.open()) {
            Path exe = NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
            return measure(d.label(), d::open, tb, exe, QUICK.get(d));
        }
    }

    /** Java and C++ cycles per second (best round of each) of one design. */
    record Figures(String design, double java, double cpp, long checksum) {
        double ratio() { return java / cpp; }

        String line() {
            return String.format(Locale.ROOT, "sim design=%s java_cycles_per_s=%.0f cpp_cycles_per_s=%.0f ratio=%.3f checksum=%s",
                    design, java, cpp, ratio(), Long.toUnsignedString(checksum));
        }
    }

    /** Checks that both sides compute the same checksum (Java on a {@code fresh} workload), then times them (see the class comment). */
    static Figures measure(String design, Supplier<? extends Workload> fresh, Workload tb, Path exe, Plan plan) {
        long javaChecksum;
        try (Workload first = fresh.get()) {
            javaChecksum = first.run(plan.checkCycles());
        }
        checkSame(design, exe, plan.checkCycles(), javaChecksum);
        double bestJava = 0;
        double bestCpp = 0;
        for (int r = 0; r <= plan.rounds(); r++) {  // round 0 warms up and is not counted
            long t = plan.cpuTime() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
            tb.run(plan.javaCycles());
            long nanos = (plan.cpuTime() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime()) - t;
            double j = plan.javaCycles() / (nanos / 1e9);
            NativeBenchmark.Result cpp = NativeBenchmark.runNative(exe, plan.cppCycles());
            double c = plan.cpuTime() ? cpp.cyclesPerCpuSecond() : cpp.cyclesPerSecond();
            System.err.printf(Locale.ROOT, "bench: %s round %d: Java %.3f M cycles/s, C++ %.3f M cycles/s%s%s%n",
                    design, r, j / 1e6, c / 1e6, plan.cpuTime() ? " (CPU time)" : "", r == 0 ? " (warm-up, not counted)" : "");
            if (r == 0) continue;
            bestJava = Math.max(bestJava, j);
            bestCpp = Math.max(bestCpp, c);
        }
        return new Figures(design, bestJava, bestCpp, javaChecksum);
    }

    /** Fails unless the C++ loop's checksum over {@code cycles} is {@code javaChecksum}. */
    static void checkSame(String design, Path exe, long cycles, long javaChecksum) {
        long cpp = NativeBenchmark.runNative(exe, cycles).checksum();
        if (cpp != javaChecksum) {
            throw new IllegalStateException(design + ": the Java loop's checksum " + Long.toUnsignedString(javaChecksum)
                    + " differs from the C++ loop's " + Long.toUnsignedString(cpp) + " over " + cycles
                    + " cycles: the two sides do not do the same work");
        }
    }
}
