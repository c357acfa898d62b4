package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accelerator's native memory is bounded: submit reuses its double buffers, weight loads reuse one packet
 * buffer, and close frees them all. (Before, every submit and every weight packet took a new buffer from the
 * link's arena, held until the link closed: a long-running host grew without bound.)
 */
class AcceleratorMemoryTest {
    @Test void manyBatchesHoldAFixedAmountOfMemory() {
        AcceleratorTop.Config c = Devices.withHash(Devices.SOFTMAX);
        AcceleratorUnit u = c.unit();
        Random rnd = new Random(21);
        CountingLink link = new CountingLink(SimLink.open(c, SimLink.Options.random(21)));
        try (Accelerator acc = Accelerator.open(link, c, Devices.OPTIONS)) {
            run(acc, u, 4, 8, rnd);
            long afterFew = link.liveBytes();
            assertTrue(afterFew > 0, "the batches went through the link's buffers");
            run(acc, u, 60, 8, rnd);
            assertEquals(afterFew, link.liveBytes(), "native memory grew with the number of batches (a buffer per submit?)");
            assertEquals(afterFew, acc.bufferBytes(), "every live buffer is one of the accelerator's reused ones");

            run(acc, u, 2, 40, rnd);    // a larger batch replaces the buffers, and the smaller ones are freed
            long afterLarge = link.liveBytes();
            assertEquals(acc.bufferBytes(), afterLarge, "the outgrown buffers were freed");
            run(acc, u, 20, 3, rnd);
            assertEquals(afterLarge, link.liveBytes(), "smaller batches reuse the larger buffers");
        }
        assertEquals(0, link.liveBytes(), "close freed every buffer");
    }

    @Test void weightLoadsReuseOnePacketBuffer() {
        AcceleratorTop.Config c = Devices.withHash(Devices.DOT);
        AcceleratorUnit u = c.unit();
        Random rnd = new Random(22);
        CountingLink link = new CountingLink(SimLink.open(c, SimLink.Options.random(22)));
        try (Accelerator acc = Accelerator.open(link, c, Devices.OPTIONS)) {   // one beat a weight packet: many packets
            long[] w = AcceleratorBehaviourTest.weights(u, rnd);
            acc.loadWeights(w);
            long afterOne = link.liveBytes();
            for (int i = 0; i < 5; i++) acc.loadWeights(AcceleratorBehaviourTest.weights(u, rnd));
            assertEquals(afterOne, link.liveBytes(), "native memory grew with the number of weight packets");
            assertTrue(link.allocations() <= 2, "weight packets allocated " + link.allocations() + " buffers");
        }
        assertEquals(0, link.liveBytes(), "close freed every buffer");
    }

    private static void run(Accelerator acc, AcceleratorUnit u, int batches, int rows, Random rnd) {
        List<long[][]> in = new ArrayList<>();
        List<CompletableFuture<Accelerator.Result>> out = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            in.add(AcceleratorBehaviourTest.rows(u, rows, rnd));
            out.add(acc.submit(in.getLast()));
        }
        for (int b = 0; b < batches; b++) {
            long[][] got = out.get(b).join().outputs();
            for (int r = 0; r < rows; r++) assertArrayEquals(u.model(in.get(b)[r], new long[0]), got[r], "batch " + b + " row " + r);
        }
    }
}
