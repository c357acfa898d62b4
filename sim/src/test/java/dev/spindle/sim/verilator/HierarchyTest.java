package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

/** A top built from several files, one module each. */
@SpindleSim
class HierarchyTest {

    @Test
    void twoFileDesignMatchesJavaModel(Random rnd) {
        var library = TestModels.build().build(TestModels.fixture("hier"), "Top", TestModels.HIER);
        try (var model = NativeModel.open(library)) {
            Port x = model.port("io_x");
            Port sum = model.port("io_sum");
            int lo = 0;
            int hi = 0;
            for (int i = 0; i < 5_000; i++) {
                int v = rnd.nextInt(1 << 16);
                x.set(v);
                model.cycle();
                hi = (hi + lo) & 0xFFFF;  // reads lo before this edge
                lo = (lo + v) & 0xFFFF;
                assertEquals(((long) hi << 16) | lo, sum.get(), "cycle " + i);
            }
        }
    }
}
