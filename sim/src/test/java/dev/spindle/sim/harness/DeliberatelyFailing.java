package dev.spindle.sim.harness;

import dev.spindle.examples.Counter;
import dev.spindle.sim.Dut;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A test that fails on purpose, run only by {@link HarnessFailureTest} through the JUnit test kit (its name does
 * not match the suite's patterns, and it skips itself unless the kit asks for it).
 */
@SpindleSim
class DeliberatelyFailing {
    static final String ENABLE = "spindle.selftest.failing";

    @Dut static Counter dut() { return new Counter(new Counter.Config(8, true)); }

    @Test
    void wrongExpectation(Sim<Counter> sim, Random rnd) {
        assumeTrue(Boolean.getBoolean(ENABLE));
        sim.port(sim.dut().io.enable).set(true);
        sim.cycles(3 + rnd.nextInt(5));
        assertEquals(-1, sim.port(sim.dut().io.value).get(), "deliberate mismatch");
    }
}
