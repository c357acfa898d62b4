package dev.spindle.sim.bench;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.Design;
import dev.spindle.examples.Counter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The testbenches attach to the registry's entries, and a run's measures add up. */
class TestbenchRegistryTest {
    @Test void everyBuiltinDesignHasItsTestbenchOnItsOwnEntry() {
        assertEquals(List.of("counter", "fifo", "softmax"), Testbench.withTestbench().stream().limit(3).toList());
        assertInstanceOf(CounterBench.class, Testbench.require(BuiltinDesigns.COUNTER));
        assertInstanceOf(SoftmaxBench.class, Testbench.require(BuiltinDesigns.SOFTMAX));
        Design<Counter.Config, Counter> unregistered = new Design<>("counter-copy", "not registered", Counter.Config.class,
                new Counter.Config(4, true), Counter::new);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Testbench.require(unregistered));
        assertTrue(e.getMessage().startsWith("design 'counter-copy' has no built-in testbench: available for counter, fifo, softmax"), e.getMessage());
    }

    @Test void measurementCountsMismatchesLatencyAndMissingOutputs() {
        Measurement m = new Measurement();
        m.compare(1, 1, () -> "item 0");
        m.compare(2, 3, () -> "item 1");
        m.compare("a", "a", () -> "item 2");
        m.latency(4);
        m.latency(6);
        m.missing(5, "5 items never came");
        Measures r = m.done(30);
        assertEquals(3, r.checked());
        assertEquals(6, r.mismatches());
        assertEquals("item 1: expected 2 but got 3", r.firstMismatch().orElseThrow());
        assertEquals(new Measures.Latency(4, 5.0, 6, 2), r.latency().orElseThrow());
        assertEquals(0.1, r.throughput(), 1e-12);
        assertTrue(r.error().isEmpty());
        assertTrue(!r.passed());
    }
}
