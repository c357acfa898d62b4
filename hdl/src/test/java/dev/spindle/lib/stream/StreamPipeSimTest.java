package dev.spindle.lib.stream;

import dev.spindle.hdl.HardType;
import dev.spindle.hdl.UInt;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

import static dev.spindle.lib.stream.IcarusBench.assertWords;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pipes and FIFOs in Icarus under random gaps and back-pressure: every word comes out once, in order, and the stream
 * rules hold; at full rate (valid and ready always high) the latency and throughput are the documented ones.
 */
class StreamPipeSimTest {
    static final int WORDS = 200;

    /** Runs every traffic pattern; checks output == input; returns the full-rate run. */
    private static <T extends dev.spindle.hdl.Data> IcarusBench.Result identity(String name, HardType<T> type, Function<Stream<T>, Stream<T>> op) {
        List<IcarusBench.Result> results = IcarusBench.runPatterns(name, () -> Harness.pipe(type, type, op), WORDS);
        for (IcarusBench.Result r : results) {
            assertEquals(WORDS, r.of("io_inputs_0").size(), r.where() + "words accepted");
            List<List<BigInteger>> in = r.of("io_inputs_0").stream().map(IcarusBench.Fire::fields).toList();
            List<List<BigInteger>> out = r.of("io_outputs_0").stream().map(IcarusBench.Fire::fields).toList();
            assertWords(r, flatten(in), flatten(out));
            assertEquals(in.size(), out.size(), r.where() + "word count");
        }
        IcarusBench.Result full = results.getFirst();
        assertEquals(100, full.traffic().validPercent());
        System.out.printf("%-14s latency %d, %.2f cycles/word at full rate%n", name, latency(full), cyclesPerWord(full));
        return full;
    }

    /** Fields of each word joined into one number (for comparing multi-field payloads word by word). */
    static List<BigInteger> flatten(List<List<BigInteger>> words) {
        return words.stream().map(f -> {
            BigInteger v = BigInteger.ZERO;
            for (BigInteger x : f) v = v.shiftLeft(64).or(x);
            return v;
        }).toList();
    }

    /** Cycles from the first input fire to the first output fire. */
    static int latency(IcarusBench.Result r) {
        return r.of("io_outputs_0").getFirst().cycle() - r.of("io_inputs_0").getFirst().cycle();
    }

    /** Average cycles between output words. */
    static double cyclesPerWord(IcarusBench.Result r) {
        List<IcarusBench.Fire> out = r.of("io_outputs_0");
        return (double) (out.getLast().cycle() - out.getFirst().cycle()) / (out.size() - 1);
    }

    private static void assertTiming(IcarusBench.Result full, int latency, double cyclesPerWord) {
        assertEquals(latency, latency(full), full.where() + "latency");
        assertEquals(cyclesPerWord, cyclesPerWord(full), 0.02, full.where() + "cycles per word");
    }

    private static final HardType<UInt> U8 = UInt.type(8);

    @Test void m2sPipeHasLatencyOneAndFullThroughput() { assertTiming(identity("m2sPipe", U8, Stream::m2sPipe), 1, 1.0); }

    @Test void s2mPipeHasLatencyZeroAndFullThroughput() { assertTiming(identity("s2mPipe", U8, Stream::s2mPipe), 0, 1.0); }

    @Test void halfPipeHasLatencyOneAndHalfThroughput() { assertTiming(identity("halfPipe", U8, Stream::halfPipe), 1, 2.0); }

    @Test void pipelinedHasLatencyOneAndFullThroughput() { assertTiming(identity("pipelined", U8, Stream::pipelined), 1, 1.0); }

    @Test void queueOfSixteen() { assertTiming(identity("queue16", U8, s -> s.queue(16)), 1, 1.0); }

    @Test void queueOfFiveNotAPowerOfTwo() { assertTiming(identity("queue5", UInt.type(13), s -> s.queue(5)), 1, 1.0); }

    @Test void queueOfOneHalvesThroughput() { assertTiming(identity("queue1", U8, s -> s.queue(1)), 1, 2.0); }

    @Test void syncReadQueueHasLatencyTwo() {
        assertTiming(identity("queueSync16", UInt.type(40), s -> s.queue(new StreamFifo.Config(16, true))), 2, 1.0);
    }

    @Test void syncReadQueueOfThree() {
        assertTiming(identity("queueSync3", U8, s -> s.queue(new StreamFifo.Config(3, true))), 2, 1.0);
    }

    @Test void smallQueuesKeepFullThroughput() {
        assertTiming(identity("queue2", U8, s -> s.queue(2)), 1, 1.0);
        identity("queueSync2", U8, s -> s.queue(new StreamFifo.Config(2, true)));   // 1.5 cycles per word: sync read wants depth 3
        identity("queueSync1", U8, s -> s.queue(new StreamFifo.Config(1, true)));
    }

    @Test void bundlePayloadThroughQueueAndPipes() {
        // Fragment: fields (last, fragment); a wide fragment spans several 32-bit $random words.
        IcarusBench.Result full = identity("fragmentChain", Fragment.type(UInt.type(70)),
                s -> s.queue(4).m2sPipe().s2mPipe().halfPipe());
        assertEquals(2, full.of("io_outputs_0").getFirst().fields().size());
    }

    @Test void composedChainKeepsOrder() {
        assertTiming(identity("chain", U8, s -> s.queue(8).m2sPipe().s2mPipe().queue(new StreamFifo.Config(4, true)).m2sPipe()), 5, 1.0);
    }

}
