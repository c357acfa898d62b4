package dev.spindle.lib.stream;

import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.StreamArbiter.Arbitration;
import dev.spindle.lib.stream.StreamArbiter.Lock;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static dev.spindle.lib.stream.IcarusBench.assertSameWords;
import static dev.spindle.lib.stream.IcarusBench.assertWords;
import static dev.spindle.hdl.Hdl.cat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arbiters in Icarus under random gaps and back-pressure. Each input's words are tagged with its index (two top
 * bits) on the way in, so the output tells where every word came from: per input, nothing lost or duplicated and the
 * order kept; at full rate, the documented priority.
 */
class StreamArbiterSimTest {
    static final int N = 3;
    static final int WORDS = 150;

    private static List<IcarusBench.Result> run(String name, Arbitration arbitration, Lock lock) {
        return IcarusBench.runPatterns(name, () -> new Harness<>(UInt.type(8), N, UInt.type(10), 1, 0, (in, out, ctrl) -> {
            List<Stream<UInt>> tagged = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                int k = i;
                tagged.add(in.get(i).map(p -> cat(UInt.lit(k, 2), p).asUInt()));
            }
            out.getFirst().connectFrom(StreamArbiter.on(tagged, arbitration, lock));
        }), WORDS);
    }

    /** The tags (source inputs) of the output words, after checking each input's words arrived in order. */
    private static List<Integer> checkPerInput(IcarusBench.Result r, boolean rules) {
        List<BigInteger> out = r.values("io_outputs_0");
        assertEquals(N * WORDS, out.size(), r.where() + "words out");
        for (int i = 0; i < N; i++) {
            int k = i;
            List<BigInteger> from = out.stream().filter(v -> v.shiftRight(8).intValue() == k).map(v -> v.and(BigInteger.valueOf(0xFF))).toList();
            if (rules) assertWords(r, r.values("io_inputs_" + i), from);
            else assertSameWords(r, r.values("io_inputs_" + i), from);
        }
        return out.stream().map(v -> v.shiftRight(8).intValue()).toList();
    }

    @Test void roundRobinTakesTurns() {
        List<IcarusBench.Result> results = run("arbiterRoundRobin", Arbitration.ROUND_ROBIN, Lock.TRANSACTION);
        for (IcarusBench.Result r : results) checkPerInput(r, true);
        List<Integer> tags = checkPerInput(results.getFirst(), true);
        for (int i = 0; i < tags.size(); i++) assertEquals(i % N, tags.get(i), "turn " + i);
    }

    @Test void lowestFirstDrainsInputZeroFirst() {
        List<IcarusBench.Result> results = run("arbiterLowestFirst", Arbitration.LOWEST_FIRST, Lock.TRANSACTION);
        for (IcarusBench.Result r : results) checkPerInput(r, true);
        List<Integer> tags = checkPerInput(results.getFirst(), true);
        for (int i = 0; i < tags.size(); i++) assertEquals(i / WORDS, tags.get(i), "word " + i);
    }

    @Test void unlockedArbitersLoseNothing() {
        // Without a lock the choice may change while the output is stalled (as in SpinalHDL): only the words are checked.
        for (IcarusBench.Result r : run("arbiterRoundRobinNoLock", Arbitration.ROUND_ROBIN, Lock.NONE)) checkPerInput(r, false);
        for (IcarusBench.Result r : run("arbiterLowestFirstNoLock", Arbitration.LOWEST_FIRST, Lock.NONE)) checkPerInput(r, false);
    }

    @Test void fragmentLockKeepsPacketsWhole() {
        for (Arbitration arbitration : Arbitration.values()) {
            List<IcarusBench.Result> results = IcarusBench.runPatterns("arbiterFragment" + arbitration,
                    () -> new Harness<>(Fragment.type(UInt.type(8)), N, Fragment.type(UInt.type(10)), 1, 0, (in, out, ctrl) -> {
                        List<Stream<Fragment<UInt>>> tagged = new ArrayList<>();
                        for (int i = 0; i < N; i++) {
                            int k = i;
                            Stream<Fragment<UInt>> s = in.get(i);
                            Fragment<UInt> f = new Fragment<>(UInt.type(10));
                            f.last.assign(s.payload.last);
                            f.fragment.assign(cat(UInt.lit(k, 2), s.payload.fragment).asUInt());
                            tagged.add(s.translateWith(f));
                        }
                        out.getFirst().connectFrom(StreamArbiter.on(tagged, arbitration, Lock.FRAGMENT));
                    }), WORDS);
            for (IcarusBench.Result r : results) {
                List<IcarusBench.Fire> out = r.of("io_outputs_0");
                assertEquals(N * WORDS, out.size(), r.where());
                for (int i = 0; i + 1 < out.size(); i++) {
                    boolean last = out.get(i).field(0).testBit(0);
                    int tag = out.get(i).field(1).shiftRight(8).intValue();
                    if (!last) assertEquals(tag, out.get(i + 1).field(1).shiftRight(8).intValue(), r.where() + "packet interleaved at output word " + i);
                }
                for (int i = 0; i < N; i++) {
                    int k = i;
                    List<BigInteger> from = out.stream().filter(f -> f.field(1).shiftRight(8).intValue() == k)
                            .map(f -> f.field(0).shiftLeft(8).or(f.field(1).and(BigInteger.valueOf(0xFF)))).toList();
                    List<BigInteger> sent = r.of("io_inputs_" + i).stream().map(f -> f.field(0).shiftLeft(8).or(f.field(1))).toList();
                    assertWords(r, sent, from);
                }
                assertTrue(out.stream().anyMatch(f -> !f.field(0).testBit(0)), "some packets have several words");
            }
        }
    }
}
