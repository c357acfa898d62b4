package dev.spindle.cli;

import dev.spindle.sim.bench.Measures;

import java.util.Locale;

/** The lines {@code spindle sim} and {@code spindle demo} print for a testbench's {@link Measures}. */
final class MeasuresText {
    private MeasuresText() {}

    /** {@code softmax EXP_TABLE 500 rows: max |error| vs float reference 0.001953 (0.500 LSB of u1.8; stated bound 0.750 LSB)}. */
    static String error(Measures.ReferenceError e) {
        return String.format(Locale.ROOT, "%s: max |error| vs float reference %.6f (%.3f LSB of %s; stated bound %.3f LSB)",
                e.subject(), e.maxAbs(), e.maxLsb(), e.format(), e.boundLsb());
    }

    /** {@code latency 64..71 cycles (mean 65.3 over 500 items); throughput 0.800 outputs/cycle}. */
    static String timing(Measures m) {
        String throughput = String.format(Locale.ROOT, "throughput %.3f outputs/cycle", m.throughput());
        return m.latency().map(l -> String.format(Locale.ROOT, "latency %d..%d cycles (mean %.1f over %d items); ",
                l.min(), l.max(), l.mean(), l.items())).orElse("") + throughput;
    }
}
