package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

/** Every storage size (CData, SData, IData, QData, VlWide) through get/set, words and BigInteger. */
@SpindleSim
class WidthsTest {

    private static ModelLibrary widths() {
        return TestModels.build().build(TestModels.fixture("widths"), "Widths", TestModels.widths());
    }

    @Test
    void registeredIncrementMatchesBigIntegerAtEveryWidth(Random rnd) {
        try (var model = NativeModel.open(widths())) {
            int n = TestModels.WIDTHS.length;
            var ins = new Port[n];
            var outs = new Port[n];
            for (int k = 0; k < n; k++) {
                ins[k] = model.port("io_in" + TestModels.WIDTHS[k]);
                outs[k] = model.port("io_out" + TestModels.WIDTHS[k]);
            }
            for (int i = 0; i < 5_000; i++) {
                var values = new BigInteger[n];
                for (int k = 0; k < n; k++) {
                    int w = TestModels.WIDTHS[k];
                    // Edge values often: all ones wraps to zero, which exercises carries across words.
                    values[k] = switch (rnd.nextInt(4)) {
                        case 0 -> BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
                        default -> new BigInteger(w, rnd);
                    };
                    ins[k].setBig(values[k]);
                }
                model.cycle();
                for (int k = 0; k < n; k++) {
                    int w = TestModels.WIDTHS[k];
                    BigInteger expected = values[k].add(BigInteger.ONE).mod(BigInteger.ONE.shiftLeft(w));
                    assertEquals(expected, outs[k].getBig(), "width " + w + ", cycle " + i);
                    if (w <= 64) assertEquals(expected.longValue(), outs[k].get(), "get() at width " + w);
                }
            }
        }
    }

    @Test
    void setMasksToTheWidthAndWordsAreLeastSignificantFirst() {
        try (var model = NativeModel.open(widths())) {
            model.port("io_in8").set(0x1FF);            // truncated to 0xFF, plus one wraps to 0
            model.port("io_in33").set(-1L);             // 33 ones
            model.port("io_in64").set(-2L);             // 0xFFFF_FFFF_FFFF_FFFE
            Port in128 = model.port("io_in128");
            for (int w = 0; w < 4; w++) in128.setWord(w, 0x1111_1111 * (w + 1));
            Port in65 = model.port("io_in65");
            in65.setWord(0, -1);
            in65.setWord(1, -1);
            in65.setWord(2, -1);                        // only bit 64 survives
            model.cycle();
            assertEquals(0, model.port("io_out8").get());
            assertEquals(0, model.port("io_out33").get());
            assertEquals(-1L, model.port("io_out64").get());
            assertEquals(0x1111_1112, model.port("io_out128").getWord(0));
            assertEquals(0x4444_4444, model.port("io_out128").getWord(3));
            assertEquals(BigInteger.ZERO, model.port("io_out65").getBig());
            assertEquals(new BigInteger("ffffffffffffffff", 16), model.port("io_out64").getBig());

            model.port("io_in100").setBig(BigInteger.valueOf(-1));  // modulo 2^100: all ones
            model.port("io_in65").set(41);                          // zero-extends a wide port
            model.cycle();
            assertEquals(BigInteger.ZERO, model.port("io_out100").getBig());
            assertEquals(BigInteger.valueOf(42), model.port("io_out65").getBig());
        }
    }
}
