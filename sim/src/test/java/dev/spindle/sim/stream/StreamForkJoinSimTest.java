package dev.spindle.sim.stream;

import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamJoin;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.spindle.sim.stream.Traffic.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** fork (both variants) and join under random gaps and back-pressure on every port. */
@SpindleSim
class StreamForkJoinSimTest {
    static final int WORDS = 200;

    static StreamBank bank() {
        return new StreamBank(List.of(
                fork("forkAsync3", 3, false), fork("forkSync2", 2, true), fork("forkAsync1", 1, false),
                new Channel<>("joinVec", UInt.type(8), 3, Vec.type(UInt.type(8), 3), 1, 0,
                        (in, out, ctrl) -> out.getFirst().connectFrom(StreamJoin.vec(in))),
                new Channel<>("joinArg", UInt.type(8), 2, UInt.type(9), 1, 0, (in, out, ctrl) -> out.getFirst().connectFrom(
                        StreamJoin.arg(in, in.get(0).payload.addExpand(in.get(1).payload)))),
                // A diamond: one branch through a queue and a pipe, the other straight; the join pairs them back up.
                new Channel<>("diamond", UInt.type(8), 1, UInt.type(8), 1, 0, (in, out, ctrl) -> {
                    List<Stream<UInt>> f = in.getFirst().fork(2);
                    Stream<UInt> slow = f.get(0).queue(4).m2sPipe();
                    Stream<UInt> fast = f.get(1).map(p -> p.xor(UInt.lit(0xFF, 8)));
                    out.getFirst().connectFrom(StreamJoin.arg(List.of(slow, fast), slow.payload.xor(fast.payload)));
                })));
    }

    private static Channel<UInt, UInt> fork(String name, int n, boolean synchronous) {
        return new Channel<>(name, UInt.type(8), 1, UInt.type(8), n, 0, (in, out, ctrl) -> {
            List<Stream<UInt>> forks = in.getFirst().fork(n, synchronous);
            for (int i = 0; i < n; i++) out.get(i).connectFrom(forks.get(i));
        });
    }

    private static void forkCopiesEveryWord(String name, int n, boolean synchronous, SimSession session, Random rnd) {
        List<Traffic.Run> runs = Traffic.patterns(session, StreamForkJoinSimTest::bank, name, WORDS, rnd);
        for (Traffic.Run r : runs) {
            assertEquals(WORDS, r.in(0).size(), r.where());
            for (int i = 0; i < n; i++) assertWords(r, Traffic.values(r.in(0)), r.out(i));
            if (synchronous) {
                // All outputs take each word in the cycle the input fires.
                for (int i = 0; i < n; i++) assertEquals(Traffic.cycles(r.in(0)), Traffic.cycles(r.out(i)), r.where() + "output " + i);
            }
        }
        Traffic.Run full = runs.getFirst();
        assertEquals(WORDS - 1, full.out(0).getLast().cycle() - full.out(0).getFirst().cycle(), full.where() + "full throughput");
    }

    @Test void asynchronousForkOfThree(SimSession s, Random r) { forkCopiesEveryWord("forkAsync3", 3, false, s, r); }

    @Test void synchronousForkOfTwo(SimSession s, Random r) { forkCopiesEveryWord("forkSync2", 2, true, s, r); }

    @Test void forkOfOne(SimSession s, Random r) { forkCopiesEveryWord("forkAsync1", 1, false, s, r); }

    @Test void joinVecPairsWordsOfEveryInput(SimSession session, Random rnd) {
        for (Traffic.Run r : Traffic.patterns(session, StreamForkJoinSimTest::bank, "joinVec", WORDS, rnd)) {
            List<Traffic.Fire> out = r.out(0);
            assertEquals(WORDS, out.size(), r.where() + "joined words");
            for (int i = 0; i < 3; i++) {
                int k = i;
                assertWords(r, Traffic.values(r.in(i)), out.stream().map(f -> new Traffic.Fire(((long[]) f.value())[k], f.cycle(), 0)).toList());
                // Every input fires in the cycle of the output.
                assertEquals(Traffic.cycles(out), Traffic.cycles(r.in(i)), r.where());
            }
        }
    }

    @Test void joinArgComputesFromAllPayloads(SimSession session, Random rnd) {
        for (Traffic.Run r : Traffic.patterns(session, StreamForkJoinSimTest::bank, "joinArg", WORDS, rnd)) {
            List<Long> a = Traffic.longs(r.in(0));
            List<Long> b = Traffic.longs(r.in(1));
            List<Long> sum = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) sum.add(a.get(i) + b.get(i));
            assertWords(r, sum, r.out(0));
        }
    }

    @Test void forkThenJoinThroughUnequalPaths(SimSession session, Random rnd) {
        for (Traffic.Run r : Traffic.patterns(session, StreamForkJoinSimTest::bank, "diamond", WORDS, rnd)) {
            assertWords(r, r.in(0).stream().map(f -> 0xFFL).toList(), r.out(0));
        }
    }
}
