package dev.spindle.lib.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.UInt;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static dev.spindle.lib.stream.IcarusBench.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Width adapters in Icarus under random gaps and back-pressure: N narrow beats to one wide word and back, low first. */
class StreamWidthAdapterSimTest {
    static final int WORDS = 240;

    private static List<IcarusBench.Result> run(String name, int inWidth, int outWidth) {
        return IcarusBench.runPatterns(name, () -> Harness.pipe(UInt.type(inWidth), Bits.type(outWidth),
                s -> s.adaptWidth(Bits.type(outWidth))), WORDS);
    }

    private static void narrowToWide(int narrow, int n) {
        for (IcarusBench.Result r : run("widen" + narrow + "x" + n, narrow, narrow * n)) {
            List<BigInteger> in = r.values("io_inputs_0");
            List<BigInteger> expected = new ArrayList<>();
            for (int i = 0; i + n <= in.size(); i += n) {
                BigInteger w = BigInteger.ZERO;
                for (int k = n - 1; k >= 0; k--) w = w.shiftLeft(narrow).or(in.get(i + k));
                expected.add(w);
            }
            assertWords(r, expected, r.values("io_outputs_0"));
            if (r.traffic().validPercent() == 100 && r.traffic().readyPercent() == 100) {
                // Full input throughput: the input fires every cycle, the output on every n-th.
                assertEquals(WORDS - 1, r.of("io_inputs_0").getLast().cycle() - r.of("io_inputs_0").getFirst().cycle(), r.where());
                assertEquals(r.of("io_inputs_0").get(n - 1).cycle(), r.of("io_outputs_0").getFirst().cycle(), r.where() + "latency 0");
            }
        }
    }

    private static void wideToNarrow(int narrow, int n) {
        for (IcarusBench.Result r : run("narrow" + narrow + "x" + n, narrow * n, narrow)) {
            List<BigInteger> expected = new ArrayList<>();
            BigInteger mask = BigInteger.ONE.shiftLeft(narrow).subtract(BigInteger.ONE);
            for (BigInteger w : r.values("io_inputs_0")) for (int k = 0; k < n; k++) expected.add(w.shiftRight(k * narrow).and(mask));
            assertWords(r, expected, r.values("io_outputs_0"));
            if (r.traffic().validPercent() == 100 && r.traffic().readyPercent() == 100) {
                List<IcarusBench.Fire> out = r.of("io_outputs_0");
                assertEquals(out.size() - 1, out.getLast().cycle() - out.getFirst().cycle(), r.where() + "full output throughput");
            }
        }
    }

    @Test void eightToThirtyTwo() { narrowToWide(8, 4); }

    @Test void eightToTwentyFour() { narrowToWide(8, 3); }

    @Test void thirtyTwoToEight() { wideToNarrow(8, 4); }

    @Test void thirtySixToTwelve() { wideToNarrow(12, 3); }

    @Test void sameWidthIsAWire() { narrowToWide(16, 1); }
}
