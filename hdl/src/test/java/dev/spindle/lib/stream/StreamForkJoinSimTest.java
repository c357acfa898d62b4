package dev.spindle.lib.stream;

import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static dev.spindle.lib.stream.IcarusBench.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** fork (both variants) and join in Icarus under random gaps and back-pressure on every port. */
class StreamForkJoinSimTest {
    static final int WORDS = 200;

    private static void forkCopiesEveryWord(String name, int n, boolean synchronous) {
        List<IcarusBench.Result> results = IcarusBench.runPatterns(name, () -> new Harness<>(UInt.type(8), 1, UInt.type(8), n, 0,
                (in, out, ctrl) -> {
                    List<Stream<UInt>> forks = in.getFirst().fork(n, synchronous);
                    for (int i = 0; i < n; i++) out.get(i).connectFrom(forks.get(i));
                }), WORDS);
        for (IcarusBench.Result r : results) {
            assertEquals(WORDS, r.of("io_inputs_0").size(), r.where());
            for (int i = 0; i < n; i++) assertWords(r, r.values("io_inputs_0"), r.values("io_outputs_" + i));
            if (synchronous) {
                // All outputs take each word in the cycle the input fires.
                for (int i = 0; i < n; i++) {
                    List<Integer> in = r.of("io_inputs_0").stream().map(IcarusBench.Fire::cycle).toList();
                    assertEquals(in, r.of("io_outputs_" + i).stream().map(IcarusBench.Fire::cycle).toList(), r.where() + "output " + i);
                }
            }
        }
        IcarusBench.Result full = results.getFirst();
        assertEquals(WORDS - 1, full.of("io_outputs_0").getLast().cycle() - full.of("io_outputs_0").getFirst().cycle(),
                full.where() + "full throughput");
    }

    @Test void asynchronousForkOfThree() { forkCopiesEveryWord("forkAsync3", 3, false); }

    @Test void synchronousForkOfTwo() { forkCopiesEveryWord("forkSync2", 2, true); }

    @Test void forkOfOne() { forkCopiesEveryWord("forkAsync1", 1, false); }

    @Test void joinVecPairsWordsOfEveryInput() {
        List<IcarusBench.Result> results = IcarusBench.runPatterns("joinVec", () -> new Harness<>(UInt.type(8), 3,
                Vec.type(UInt.type(8), 3), 1, 0, (in, out, ctrl) -> out.getFirst().connectFrom(StreamJoin.vec(in))), WORDS);
        for (IcarusBench.Result r : results) {
            List<IcarusBench.Fire> out = r.of("io_outputs_0");
            assertEquals(WORDS, out.size(), r.where() + "joined words");
            for (int i = 0; i < 3; i++) {
                int k = i;
                assertWords(r, r.values("io_inputs_" + i), out.stream().map(f -> f.field(k)).toList());
                // Every input fires in the cycle of the output.
                assertEquals(out.stream().map(IcarusBench.Fire::cycle).toList(),
                        r.of("io_inputs_" + i).stream().map(IcarusBench.Fire::cycle).toList(), r.where());
            }
        }
    }

    @Test void joinArgComputesFromAllPayloads() {
        List<IcarusBench.Result> results = IcarusBench.runPatterns("joinArg", () -> new Harness<>(UInt.type(8), 2, UInt.type(9), 1, 0,
                (in, out, ctrl) -> out.getFirst().connectFrom(
                        StreamJoin.arg(in, in.get(0).payload.addExpand(in.get(1).payload)))), WORDS);
        for (IcarusBench.Result r : results) {
            List<BigInteger> a = r.values("io_inputs_0");
            List<BigInteger> b = r.values("io_inputs_1");
            List<BigInteger> sum = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) sum.add(a.get(i).add(b.get(i)));
            assertWords(r, sum, r.values("io_outputs_0"));
        }
    }

    @Test void forkThenJoinThroughUnequalPaths() {
        // A diamond: one branch through a queue and a pipe, the other straight; the join pairs them back up.
        List<IcarusBench.Result> results = IcarusBench.runPatterns("diamond", () -> new Harness<>(UInt.type(8), 1, UInt.type(8), 1, 0,
                (in, out, ctrl) -> {
                    List<Stream<UInt>> f = in.getFirst().fork(2);
                    Stream<UInt> slow = f.get(0).queue(4).m2sPipe();
                    Stream<UInt> fast = f.get(1).map(p -> p.xor(UInt.lit(0xFF, 8)));
                    out.getFirst().connectFrom(StreamJoin.arg(List.of(slow, fast), slow.payload.xor(fast.payload)));
                }), WORDS);
        for (IcarusBench.Result r : results) {
            List<BigInteger> ones = r.values("io_inputs_0").stream().map(v -> BigInteger.valueOf(0xFF)).toList();
            assertWords(r, ones, r.values("io_outputs_0"));
        }
    }
}
