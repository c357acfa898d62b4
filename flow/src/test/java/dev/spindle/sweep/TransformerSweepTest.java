package dev.spindle.sweep;

import dev.spindle.nn.TransformerTiming;
import dev.spindle.nn.transformer.TransformerJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sweep of a whole network's parallelism (the {@code transformer} design, {@link TransformerTarget}): each point
 * estimated per module and simulated against the bit-exact model with seeded weights and samples; a parallelism the
 * description refuses is an invalid point with its message; a second run reuses every point.
 */
class TransformerSweepTest {
    @TempDir Path dir;

    /** {@code examples/models/tiny-argmax.json} (dense layers, a flatten, an argmax head): built and estimated in seconds. */
    static final Path NET = SweepFixture.repoRoot().resolve("examples/models/tiny-argmax.json");

    @Test void parallelismPointsAreEstimatedAndSimulated() throws Exception {
        Path arch = NET;
        Path out = dir.resolve("sweep");
        Sweep sweep = Sweep.of("transformer").set(Map.of("arch", arch.toString(), "samples", "12"))
                .grid("defaults.parallelism", "0", "1", "24").measure(Set.of("estimate", "sim")).x("dsp").y("latency")
                .seed(3).command(PointCommand.thisJvm());
        var log = new ByteArrayOutputStream();
        Sweep.Summary s = sweep.progress(new PrintStream(log, true, StandardCharsets.UTF_8)).run(new LocalExecutor(1), out);
        String text = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, s.count(PointResult.Status.invalid), text);
        assertEquals(2, s.count(PointResult.Status.ok), text);
        assertTrue(text.contains("[1/3] defaults.parallelism=0: invalid: "), text);

        PointResult slow = s.results().get(1), fast = s.results().get(2);
        for (PointResult r : new PointResult[] {slow, fast}) {
            var m = r.measures();
            assertEquals(0, m.get("mismatches").intValue(), text);
            assertEquals(12, m.get("checked").intValue(), text);
            assertTrue(m.get("lut").intValue() > 0 && m.get("depth").intValue() > 0, text);
            var c = TransformerJson.read(arch, Map.of("defaults.parallelism", r.config().get("defaults.parallelism")));
            assertEquals(TransformerTiming.of(c).latency(), m.get("latency_formula").longValue(), text);
            assertTrue(m.get("latency").longValue() >= m.get("latency_formula").longValue(), "gaps only delay: " + text);
        }
        assertTrue(fast.measures().get("latency_formula").longValue() < slow.measures().get("latency_formula").longValue(), text);
        assertTrue(fast.measures().get("dsp").intValue() > slow.measures().get("dsp").intValue(), text);

        var again = new ByteArrayOutputStream();
        Sweep.Summary second = sweep.progress(new PrintStream(again, true, StandardCharsets.UTF_8)).run(new LocalExecutor(1), out);
        assertEquals(2, second.reused(), again.toString(StandardCharsets.UTF_8));
    }
}
