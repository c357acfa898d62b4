package dev.spindle.sim.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import static dev.spindle.sim.stream.Traffic.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * translateWith/map, throwWhen/takeWhen, haltWhen/continueWhen and Flow under random gaps and back-pressure; the
 * control input {@code io_<channel>_ctrl} is random every cycle and logged with each word.
 */
@SpindleSim
class StreamTransformSimTest {
    static final int WORDS = 200;

    static StreamBank bank() {
        return new StreamBank(List.of(
                op("map", 9, (s, c) -> s.map(p -> p.addExpand(UInt.lit(3, 8)))),
                op("translateWith", 8, (s, c) -> s.translateWith(s.payload.xor(UInt.lit(0x5A, 8)))),
                op("throwWhen", 8, (s, c) -> s.throwWhen(s.payload.bit(0))),
                op("takeWhen", 8, (s, c) -> s.takeWhen(s.payload.bit(7))),
                op("haltWhen", 8, Stream::haltWhen),
                op("continueWhen", 8, Stream::continueWhen),
                // queue, drop odd words, add one, a register stage.
                op("composed", 8, (s, c) -> {
                    Stream<UInt> q = s.queue(4);
                    return q.throwWhen(q.payload.bit(0)).map(p -> p.add(1)).m2sPipe();
                }),
                op("flow", 8, (s, c) -> s.toFlow().m2sPipe().map(p -> p.add(1)).toStream()),
                op("flowFilter", 8, (s, c) -> s.toFlow().throwWhen(s.payload.bit(1)).takeWhen(s.payload.bit(2)).toStream()),
                // Output: (last, fragment) with the fragment's top bit replaced by isFirst.
                Channel.pipe("fragmentFirst", Fragment.type(UInt.type(8)), Fragment.type(UInt.type(8)), s -> {
                    Fragment<UInt> f = new Fragment<>(UInt.type(8));
                    f.last.assign(s.payload.last);
                    f.fragment.assign(Hdl.cat(Fragment.isFirst(s), s.payload.fragment.bits(6, 0)).asUInt());
                    return s.translateWith(f);
                })));
    }

    /** One 8-bit input, one output of {@code outWidth} bits and a 1-bit random control. */
    private static Channel<UInt, UInt> op(String name, int outWidth, BiFunction<Stream<UInt>, Bool, Stream<UInt>> op) {
        return new Channel<>(name, UInt.type(8), 1, UInt.type(outWidth), 1, 1,
                (in, out, ctrl) -> out.getFirst().connectFrom(op.apply(in.getFirst(), ctrl.bit(0))));
    }

    private static List<Traffic.Run> run(String name, SimSession session, Random rnd) {
        return Traffic.patterns(session, StreamTransformSimTest::bank, name, WORDS, rnd);
    }

    private static List<Long> inputs(Traffic.Run r, Predicate<Long> keep) { return Traffic.longs(r.in(0)).stream().filter(keep).toList(); }

    @Test void mapComputesAndWidens(SimSession s, Random rnd) {
        for (Traffic.Run r : run("map", s, rnd)) assertWords(r, Traffic.longs(r.in(0)).stream().map(v -> v + 3).toList(), r.out(0));
    }

    @Test void translateWithAnExpressionOfThePayload(SimSession s, Random rnd) {
        for (Traffic.Run r : run("translateWith", s, rnd)) assertWords(r, Traffic.longs(r.in(0)).stream().map(v -> v ^ 0x5A).toList(), r.out(0));
    }

    @Test void throwWhenDropsMatchingWords(SimSession s, Random rnd) {
        for (Traffic.Run r : run("throwWhen", s, rnd)) assertWords(r, inputs(r, v -> (v & 1) == 0), r.out(0));
    }

    @Test void takeWhenKeepsMatchingWords(SimSession s, Random rnd) {
        for (Traffic.Run r : run("takeWhen", s, rnd)) assertWords(r, inputs(r, v -> (v & 0x80) != 0), r.out(0));
    }

    @Test void haltWhenLosesNothingAndNeverFiresWhileHalted(SimSession s, Random rnd) {
        // The output's valid follows the (random) condition, as in SpinalHDL: the held-valid rule does not apply.
        for (Traffic.Run r : Traffic.patterns(s, StreamTransformSimTest::bank, "haltWhen", WORDS, rnd, "haltWhen's valid follows the condition")) {
            assertWords(r, Traffic.values(r.in(0)), r.out(0));
            for (Traffic.Fire f : r.out(0)) assertEquals(0, f.ctrl(), r.where() + "fired while halted at cycle " + f.cycle());
            for (Traffic.Fire f : r.in(0)) assertEquals(0, f.ctrl(), r.where() + "input fired while halted");
        }
    }

    @Test void continueWhenFiresOnlyWhenAllowed(SimSession s, Random rnd) {
        for (Traffic.Run r : Traffic.patterns(s, StreamTransformSimTest::bank, "continueWhen", WORDS, rnd, "continueWhen's valid follows the condition")) {
            assertWords(r, Traffic.values(r.in(0)), r.out(0));
            for (Traffic.Fire f : r.out(0)) assertEquals(1, f.ctrl(), r.where() + "fired while held at cycle " + f.cycle());
        }
    }

    @Test void operatorsCompose(SimSession s, Random rnd) {
        for (Traffic.Run r : run("composed", s, rnd)) {
            assertWords(r, inputs(r, v -> (v & 1) == 0).stream().map(v -> (v + 1) & 0xFF).toList(), r.out(0));
        }
    }

    @Test void flowPipeLosesWordsOnlyUnderBackPressure(SimSession s, Random rnd) {
        // A flow has no ready: with ready always high nothing is lost; under back-pressure what arrives is still in order.
        for (Traffic.Run r : Traffic.patterns(s, StreamTransformSimTest::bank, "flow", WORDS, rnd, "a flow ignores ready")) {
            List<Long> expected = Traffic.longs(r.in(0)).stream().map(v -> (v + 1) & 0xFF).toList();
            if (r.pattern().readyPercent() == 100) {
                assertWords(r, expected, r.out(0));
            } else {
                assertTrue(isSubsequence(Traffic.longs(r.out(0)), expected), r.where() + "flow output is not a subsequence of the input");
            }
        }
    }

    static boolean isSubsequence(List<Long> sub, List<Long> full) {
        int j = 0;
        for (Long x : full) if (j < sub.size() && sub.get(j).equals(x)) j++;
        return j == sub.size();
    }

    @Test void flowThrowAndTakeWhen(SimSession s, Random rnd) {
        for (Traffic.Run r : Traffic.patterns(s, StreamTransformSimTest::bank, "flowFilter", WORDS, rnd, "a flow ignores ready")) {
            if (r.pattern().readyPercent() != 100) continue;
            assertWords(r, inputs(r, v -> (v & 2) == 0 && (v & 4) != 0), r.out(0));
        }
    }

    @Test void fragmentIsFirstFollowsLast(SimSession s, Random rnd) {
        for (Traffic.Run r : run("fragmentFirst", s, rnd)) {
            List<Traffic.Fire> in = r.in(0);
            assertEquals(in.size(), r.out(0).size(), r.where());
            boolean first = true;
            List<Object> expected = new java.util.ArrayList<>();
            for (Traffic.Fire f : in) {
                long fragment = ((Long) f.beat().fragment() & 0x7F) | (first ? 0x80 : 0);
                expected.add(FragmentBeat.of(fragment, f.beat().last()));
                first = f.beat().last();
            }
            assertWords(r, expected, r.out(0));
        }
    }
}
