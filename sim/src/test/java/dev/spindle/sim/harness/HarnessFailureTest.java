package dev.spindle.sim.harness;

import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** A failing simulation test reports its seed and leaves an FST waveform behind. */
class HarnessFailureTest {
    @Test
    void failurePrintsSeedAndWritesWaves() throws Exception {
        Path fst = Path.of("target", "waves", "DeliberatelyFailing", "wrongExpectation.fst");
        Files.deleteIfExists(fst);
        System.setProperty(DeliberatelyFailing.ENABLE, "true");
        List<Event> failures;
        try {
            failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(DeliberatelyFailing.class))
                    .execute().testEvents().failed().list();
        } finally {
            System.clearProperty(DeliberatelyFailing.ENABLE);
        }
        assertEquals(1, failures.size(), "exactly one failing test");
        Throwable t = failures.getFirst().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        String message = t.getMessage();
        assertTrue(message.contains("deliberate mismatch"), message);
        Matcher seed = Pattern.compile("seed=(-?\\d+) \\(rerun with -Dspindle.seed=\\1\\)").matcher(message);
        assertTrue(seed.find(), "the seed is printed: " + message);
        assertTrue(message.contains(fst.toAbsolutePath().toString()), "the waveform path is given: " + message);
        assertTrue(Files.size(fst) > 100, "FST file written: " + fst);
    }
}
