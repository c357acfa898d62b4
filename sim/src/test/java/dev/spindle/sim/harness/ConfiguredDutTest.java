package dev.spindle.sim.harness;

import dev.spindle.examples.Counter;
import dev.spindle.sim.Dut;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A {@code @Dut} that takes its configuration from a {@code @ParameterizedTest}'s arguments: one simulation per case. */
@SpindleSim
class ConfiguredDutTest {
    private static final List<Counter.Config> SEEN = new ArrayList<>();

    @Dut static Counter dut(Counter.Config c) { return new Counter(c); }

    // The first two are the configurations other simulation tests use, so their models are already built.
    static List<Counter.Config> configs() {
        return List.of(new Counter.Config(8, true), new Counter.Config(12, true), new Counter.Config(12, false));
    }

    @ParameterizedTest
    @MethodSource("configs")
    void countsAsTheModelInEveryConfiguration(Counter.Config c, Sim<Counter> sim, Random rnd) {
        assertSame(c, sim.dut().config());
        SEEN.add(c);
        var value = sim.port(sim.dut().io.value);
        var enable = c.enable() ? sim.port(sim.dut().io.enable) : null;
        long model = 0;
        long mask = (1L << c.width()) - 1;
        for (int i = 0; i < 2_000; i++) {
            assertEquals(model, value.get(), "cycle " + i);
            boolean en = enable == null || rnd.nextBoolean();
            if (enable != null) enable.set(en);
            sim.cycle();
            if (en) model = (model + 1) & mask;
        }
    }

    @AfterAll static void everyConfigurationRanOnce() { assertEquals(configs(), SEEN); }
}
