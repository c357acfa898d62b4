package dev.spindle.sim.verilator;

import java.util.Locale;

/** Formats elapsed times for the progress lines. */
final class Seconds {

    private Seconds() {}

    /** {@code "3.2 s"} since {@code startNanos} (a {@link System#nanoTime()} reading). */
    static String since(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
