package dev.spindle.sim.stream;

import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamArbiter;
import dev.spindle.lib.stream.StreamArbiter.Arbitration;
import dev.spindle.lib.stream.StreamArbiter.Lock;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.sim.stream.Traffic.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Arbiters under random gaps and back-pressure. Each input's words are tagged with its index (two top bits) on the
 * way in, so the output tells where every word came from: per input, nothing lost or duplicated and the order kept;
 * at full rate, the documented priority; with a fragment lock, packets never interleave.
 */
@SpindleSim
class StreamArbiterSimTest {
    static final int N = 3;
    static final int WORDS = 150;

    static StreamBank bank() {
        List<Channel<?, ?>> channels = new ArrayList<>();
        for (Arbitration a : Arbitration.values()) {
            for (Lock lock : List.of(Lock.TRANSACTION, Lock.NONE)) channels.add(tagged(a, lock));
            channels.add(fragments(a));
        }
        return new StreamBank(channels);
    }

    static String name(Arbitration a, Lock lock) { return a + "_" + lock; }

    private static Channel<UInt, UInt> tagged(Arbitration arbitration, Lock lock) {
        return new Channel<>(name(arbitration, lock), UInt.type(8), N, UInt.type(10), 1, 0, (in, out, ctrl) -> {
            List<Stream<UInt>> tagged = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                int k = i;
                tagged.add(in.get(i).map(p -> cat(UInt.lit(k, 2), p).asUInt()));
            }
            out.getFirst().connectFrom(StreamArbiter.on(tagged, arbitration, lock));
        });
    }

    private static Channel<Fragment<UInt>, Fragment<UInt>> fragments(Arbitration arbitration) {
        return new Channel<>(name(arbitration, Lock.FRAGMENT), Fragment.type(UInt.type(8)), N, Fragment.type(UInt.type(10)), 1, 0,
                (in, out, ctrl) -> {
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
                });
    }

    /** The tags (source inputs) of the output words, after checking each input's words arrived once, in order. */
    private static List<Long> checkPerInput(Traffic.Run r) {
        List<Traffic.Fire> out = r.out(0);
        assertEquals(N * WORDS, out.size(), r.where() + "words out");
        for (int i = 0; i < N; i++) {
            int k = i;
            List<Traffic.Fire> from = out.stream().filter(f -> f.asLong() >> 8 == k)
                    .map(f -> new Traffic.Fire(f.asLong() & 0xFF, f.cycle(), f.ctrl())).toList();
            assertWords(r, Traffic.values(r.in(i)), from);
        }
        return out.stream().map(f -> f.asLong() >> 8).toList();
    }

    private static List<Traffic.Run> run(Arbitration a, Lock lock, SimSession session, Random rnd) {
        // Without a lock the choice may change while the output is stalled (as in SpinalHDL): the payload is not held.
        String unchecked = lock == Lock.NONE ? "an unlocked arbiter may switch inputs while stalled" : null;
        return Traffic.patterns(session, StreamArbiterSimTest::bank, name(a, lock), WORDS, rnd, unchecked);
    }

    @Test void roundRobinTakesTurns(SimSession session, Random rnd) {
        List<Traffic.Run> runs = run(Arbitration.ROUND_ROBIN, Lock.TRANSACTION, session, rnd);
        for (Traffic.Run r : runs) checkPerInput(r);
        List<Long> tags = checkPerInput(runs.getFirst());
        for (int i = 0; i < tags.size(); i++) assertEquals(i % N, tags.get(i), "turn " + i);
    }

    @Test void lowestFirstDrainsInputZeroFirst(SimSession session, Random rnd) {
        List<Traffic.Run> runs = run(Arbitration.LOWEST_FIRST, Lock.TRANSACTION, session, rnd);
        for (Traffic.Run r : runs) checkPerInput(r);
        List<Long> tags = checkPerInput(runs.getFirst());
        for (int i = 0; i < tags.size(); i++) assertEquals(i / WORDS, tags.get(i), "word " + i);
    }

    @Test void unlockedArbitersLoseNothing(SimSession session, Random rnd) {
        for (Traffic.Run r : run(Arbitration.ROUND_ROBIN, Lock.NONE, session, rnd)) checkPerInput(r);
        for (Traffic.Run r : run(Arbitration.LOWEST_FIRST, Lock.NONE, session, rnd)) checkPerInput(r);
    }

    @Test void fragmentLockKeepsPacketsWhole(SimSession session, Random rnd) {
        for (Arbitration arbitration : Arbitration.values()) {
            for (Traffic.Run r : run(arbitration, Lock.FRAGMENT, session, rnd)) {
                List<Traffic.Fire> out = r.out(0);
                assertEquals(N * WORDS, out.size(), r.where());
                for (int i = 0; i + 1 < out.size(); i++) {
                    if (!out.get(i).beat().last()) {
                        assertEquals(tag(out.get(i)), tag(out.get(i + 1)), r.where() + "packet interleaved at output word " + i);
                    }
                }
                for (int i = 0; i < N; i++) {
                    int k = i;
                    List<Traffic.Fire> from = out.stream().filter(f -> tag(f) == k)
                            .map(f -> new Traffic.Fire(FragmentBeat.of((Long) f.beat().fragment() & 0xFF, f.beat().last()), f.cycle(), f.ctrl()))
                            .toList();
                    assertWords(r, Traffic.values(r.in(i)), from);
                }
                assertTrue(out.stream().anyMatch(f -> !f.beat().last()), "some packets have several words");
            }
        }
    }

    private static long tag(Traffic.Fire f) { return (Long) f.beat().fragment() >> 8; }
}
