package dev.spindle.sim.examples;

import dev.spindle.examples.Counter;
import dev.spindle.sim.Dut;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The counter against a one-line golden model, cycle by cycle, with a random enable. */
@SpindleSim
class CounterSimTest {
    @Dut static Counter dut() { return new Counter(new Counter.Config(12, true)); }

    @Test
    void countsWhenEnabled(Sim<Counter> sim, Random rnd) {
        SimPort.BoolPort enable = sim.port(sim.dut().io.enable);
        SimPort.UIntPort value = sim.port(sim.dut().io.value);
        long model = 0;
        for (int i = 0; i < 20_000; i++) {
            assertEquals(model, value.get(), "cycle " + i);
            boolean en = rnd.nextBoolean();
            enable.set(en);
            sim.cycle();
            if (en) model = (model + 1) & 0xFFF;
        }
        assertEquals(model, value.get());
    }
}
