package dev.spindle.sim.stream;

import dev.spindle.hdl.HardType;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamFifo;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.stream.StreamBank.Channel;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;

import static dev.spindle.sim.stream.Traffic.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * Pipes and FIFOs under random gaps and back-pressure: every word comes out once, in order, and the stream rules
 * hold; at full rate (valid and ready always high) the latency and throughput are the documented ones. All the
 * designs sit side by side in one {@link StreamBank}.
 */
@SpindleSim
class StreamPipeSimTest {
    static final int WORDS = 200;
    private static final HardType<UInt> U8 = UInt.type(8);

    static StreamBank bank() {
        return new StreamBank(List.of(
                Channel.pipe("m2sPipe", U8, U8, Stream::m2sPipe),
                Channel.pipe("s2mPipe", U8, U8, Stream::s2mPipe),
                Channel.pipe("halfPipe", U8, U8, Stream::halfPipe),
                Channel.pipe("pipelined", U8, U8, Stream::pipelined),
                Channel.pipe("queue16", U8, U8, s -> s.queue(16)),
                Channel.pipe("queue5", UInt.type(13), UInt.type(13), s -> s.queue(5)),
                Channel.pipe("queue1", U8, U8, s -> s.queue(1)),
                Channel.pipe("queue2", U8, U8, s -> s.queue(2)),
                Channel.pipe("queueSync16", UInt.type(40), UInt.type(40), s -> s.queue(new StreamFifo.Config(16, true))),
                Channel.pipe("queueSync3", U8, U8, s -> s.queue(new StreamFifo.Config(3, true))),
                Channel.pipe("queueSync2", U8, U8, s -> s.queue(new StreamFifo.Config(2, true))),
                Channel.pipe("queueSync1", U8, U8, s -> s.queue(new StreamFifo.Config(1, true))),
                // Fragment: fields (last, fragment); a fragment wider than 64 bits, so last sits next to bit 69.
                Channel.pipe("fragmentChain", Fragment.type(UInt.type(70)), Fragment.type(UInt.type(70)),
                        s -> s.queue(4).m2sPipe().s2mPipe().halfPipe()),
                Channel.pipe("chain", U8, U8, s -> s.queue(8).m2sPipe().s2mPipe().queue(new StreamFifo.Config(4, true)).m2sPipe())));
    }

    /** Runs every traffic pattern; checks output == input, word for word; returns the full-rate run. */
    private static Traffic.Run identity(String name, SimSession session, Random rnd) {
        List<Traffic.Run> runs = Traffic.patterns(session, StreamPipeSimTest::bank, name, WORDS, rnd);
        for (Traffic.Run r : runs) {
            assertEquals(WORDS, r.in(0).size(), r.where() + "words accepted");
            assertWords(r, Traffic.values(r.in(0)), r.out(0));
        }
        Traffic.Run full = runs.getFirst();
        assertEquals(true, full.pattern().fullRate());
        System.out.printf("%-14s latency %d, %.2f cycles/word at full rate%n", name, latency(full), cyclesPerWord(full));
        return full;
    }

    /** Cycles from the first input fire to the first output fire. */
    static long latency(Traffic.Run r) { return r.out(0).getFirst().cycle() - r.in(0).getFirst().cycle(); }

    /** Average cycles between output words. */
    static double cyclesPerWord(Traffic.Run r) {
        List<Traffic.Fire> out = r.out(0);
        return (double) (out.getLast().cycle() - out.getFirst().cycle()) / (out.size() - 1);
    }

    private static void assertTiming(Traffic.Run full, int latency, double cyclesPerWord) {
        assertEquals(latency, latency(full), full.where() + "latency");
        assertEquals(cyclesPerWord, cyclesPerWord(full), 0.02, full.where() + "cycles per word");
    }

    @Test void m2sPipeHasLatencyOneAndFullThroughput(SimSession s, Random r) { assertTiming(identity("m2sPipe", s, r), 1, 1.0); }

    @Test void s2mPipeHasLatencyZeroAndFullThroughput(SimSession s, Random r) { assertTiming(identity("s2mPipe", s, r), 0, 1.0); }

    @Test void halfPipeHasLatencyOneAndHalfThroughput(SimSession s, Random r) { assertTiming(identity("halfPipe", s, r), 1, 2.0); }

    @Test void pipelinedHasLatencyOneAndFullThroughput(SimSession s, Random r) { assertTiming(identity("pipelined", s, r), 1, 1.0); }

    @Test void queueOfSixteen(SimSession s, Random r) { assertTiming(identity("queue16", s, r), 1, 1.0); }

    @Test void queueOfFiveNotAPowerOfTwo(SimSession s, Random r) { assertTiming(identity("queue5", s, r), 1, 1.0); }

    @Test void queueOfOneHalvesThroughput(SimSession s, Random r) { assertTiming(identity("queue1", s, r), 1, 2.0); }

    @Test void syncReadQueueHasLatencyTwo(SimSession s, Random r) { assertTiming(identity("queueSync16", s, r), 2, 1.0); }

    @Test void syncReadQueueOfThree(SimSession s, Random r) { assertTiming(identity("queueSync3", s, r), 2, 1.0); }

    @Test void smallQueuesKeepFullThroughput(SimSession s, Random r) {
        assertTiming(identity("queue2", s, r), 1, 1.0);
        identity("queueSync2", s, r);   // 1.5 cycles per word: sync read wants depth 3
        identity("queueSync1", s, r);
    }

    @Test void bundlePayloadThroughQueueAndPipes(SimSession s, Random r) {
        Traffic.Run full = identity("fragmentChain", s, r);
        // The typed codec keeps last apart from the 70-bit fragment: both come back as sent, including bit 64 and up.
        FragmentBeat<?> first = full.out(0).getFirst().beat();
        assertInstanceOf(BigInteger.class, first.fragment());
        long wideAndLast = full.out(0).stream().filter(f -> f.beat().last() && ((BigInteger) f.beat().fragment()).bitLength() > 64).count();
        long sent = full.in(0).stream().filter(f -> f.beat().last() && ((BigInteger) f.beat().fragment()).bitLength() > 64).count();
        assertEquals(sent, wideAndLast, "words with last and bits above 64 set");
    }

    @Test void composedChainKeepsOrder(SimSession s, Random r) { assertTiming(identity("chain", s, r), 5, 1.0); }
}
