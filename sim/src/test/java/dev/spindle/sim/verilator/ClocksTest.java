package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClocksTest {

    private static NativeModel open() {
        return NativeModel.open(TestModels.build().build(TestModels.fixture("clocks"), "Clocks", TestModels.CLOCKS));
    }

    @Test
    void anInputCanBeAClockToggledFromJava() {
        try (var model = open()) {
            Port clkB = model.port("clk_b");
            for (int i = 0; i < 10; i++) {
                clkB.set(1);
                model.eval();
                clkB.set(0);
                model.eval();
            }
            assertEquals(10, model.port("io_b").get());
            assertEquals(0, model.port("io_a").get());
            model.cycles(clkB, 5);
            model.cycle(clkB);
            assertEquals(16, model.port("io_b").get());
            model.cycles(7);
            assertEquals(7, model.port("io_a").get());
            assertEquals(16, model.port("io_b").get());
        }
    }

    @Test
    void finishIsReportedAndDoesNotEndTheJvm() {
        try (var model = open()) {
            model.cycles(99);
            assertFalse(model.finished());
            model.cycle();                     // a == 99 at this edge: $finish
            assertTrue(model.finished());
            model.cycles(70_000);              // a wraps and passes 99 again: a second $finish
            assertTrue(model.finished());
        }
    }
}
