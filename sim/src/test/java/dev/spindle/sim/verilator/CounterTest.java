package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

@SpindleSim
class CounterTest {

    @Test
    void countsLikeAJavaModelOverRandomCycles(Random rnd) {
        try (var model = NativeModel.open(TestModels.counter())) {
            Port reset = model.port("reset");
            Port enable = model.port("io_enable");
            Port value = model.port("io_value");
            int expected = 0;
            for (int i = 0; i < 20_000; i++) {
                boolean r = rnd.nextInt(100) == 0;
                boolean en = rnd.nextBoolean();
                reset.set(r);
                enable.set(en);
                model.cycle();
                expected = r ? 0 : en ? (expected + 1) & 0xFF : expected;
                assertEquals(expected, value.get(), "cycle " + i);
            }
            assertEquals(20_000 * 10L, model.time(), "a cycle is 10 ns");
        }
    }

    @Test
    void cyclesRunsManyPeriodsInOneCall() {
        try (var model = NativeModel.open(TestModels.counter())) {
            model.port("io_enable").set(1);
            model.cycles(1000);
            assertEquals(1000 & 0xFF, model.port("io_value").get());
            model.cycles(0);
            assertEquals(1000 & 0xFF, model.port("io_value").get());
        }
    }

    @Test
    void instancesOfOneLibraryAreIndependent() {
        ModelLibrary library = TestModels.counter();
        try (var a = NativeModel.open(library); var b = NativeModel.open(library)) {
            a.port("io_enable").set(1);
            b.port("io_enable").set(1);
            a.cycles(5);
            b.cycles(7);
            assertEquals(5, a.port("io_value").get());
            assertEquals(7, b.port("io_value").get());
        }
    }
}
