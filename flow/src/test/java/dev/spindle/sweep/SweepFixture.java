package dev.spindle.sweep;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The sweep the executor tests share: a small counter grid with one invalid width, fast to estimate and simulate. */
final class SweepFixture {
    static final Set<String> TIMING = Set.of("cycles_per_s");

    private SweepFixture() {}

    static Sweep counterSweep() {
        return Sweep.of("counter").grid("width", "0", "5", "9").grid("enable", "true", "false")
                .measure(Set.of("estimate", "sim")).x("lut").y("ff").seed(7).command(PointCommand.thisJvm());
    }

    /** The measures that do not depend on how fast the machine was. */
    static Map<String, Number> stable(PointResult r) {
        var m = new java.util.LinkedHashMap<>(r.measures());
        m.keySet().removeAll(TIMING);
        return m;
    }

    static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.getFileName().toString().equals("flow") ? here.getParent() : here;
    }
}
