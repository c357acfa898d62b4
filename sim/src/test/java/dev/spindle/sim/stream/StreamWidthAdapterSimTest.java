package dev.spindle.sim.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.UInt;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.spindle.sim.stream.Traffic.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Width adapters under random gaps and back-pressure: N narrow beats to one wide word and back, low first. */
@SpindleSim
class StreamWidthAdapterSimTest {
    static final int WORDS = 240;

    static StreamBank bank() {
        return new StreamBank(List.of(adapter(8, 32), adapter(8, 24), adapter(32, 8), adapter(36, 12), adapter(16, 16)));
    }

    private static String name(int in, int out) { return "w" + in + "to" + out; }

    private static Channel<UInt, Bits> adapter(int in, int out) {
        return Channel.pipe(name(in, out), UInt.type(in), Bits.type(out), s -> s.adaptWidth(Bits.type(out)));
    }

    private static List<Traffic.Run> run(int in, int out, SimSession session, Random rnd) {
        return Traffic.patterns(session, StreamWidthAdapterSimTest::bank, name(in, out), WORDS, rnd);
    }

    private static void narrowToWide(int narrow, int n, SimSession session, Random rnd) {
        for (Traffic.Run r : run(narrow, narrow * n, session, rnd)) {
            List<Long> in = Traffic.longs(r.in(0));
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i + n <= in.size(); i += n) {
                long w = 0;
                for (int k = n - 1; k >= 0; k--) w = (w << narrow) | in.get(i + k);
                expected.add(w);
            }
            assertWords(r, expected, r.out(0));
            if (r.pattern().fullRate()) {
                // Full input throughput: the input fires every cycle, the output on every n-th.
                assertEquals(WORDS - 1, r.in(0).getLast().cycle() - r.in(0).getFirst().cycle(), r.where());
                assertEquals(r.in(0).get(n - 1).cycle(), r.out(0).getFirst().cycle(), r.where() + "latency 0");
            }
        }
    }

    private static void wideToNarrow(int narrow, int n, SimSession session, Random rnd) {
        for (Traffic.Run r : run(narrow * n, narrow, session, rnd)) {
            List<Long> expected = new ArrayList<>();
            long mask = (1L << narrow) - 1;
            for (long w : Traffic.longs(r.in(0))) for (int k = 0; k < n; k++) expected.add((w >>> (k * narrow)) & mask);
            assertWords(r, expected, r.out(0));
            if (r.pattern().fullRate()) {
                List<Traffic.Fire> out = r.out(0);
                assertEquals(out.size() - 1, out.getLast().cycle() - out.getFirst().cycle(), r.where() + "full output throughput");
            }
        }
    }

    @Test void eightToThirtyTwo(SimSession s, Random r) { narrowToWide(8, 4, s, r); }

    @Test void eightToTwentyFour(SimSession s, Random r) { narrowToWide(8, 3, s, r); }

    @Test void thirtyTwoToEight(SimSession s, Random r) { wideToNarrow(8, 4, s, r); }

    @Test void thirtySixToTwelve(SimSession s, Random r) { wideToNarrow(12, 3, s, r); }

    @Test void sameWidthIsAWire(SimSession s, Random r) { narrowToWide(16, 1, s, r); }
}
