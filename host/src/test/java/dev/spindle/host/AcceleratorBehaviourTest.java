package dev.spindle.host;

import dev.spindle.lib.axi.RegisterMap;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.Cause;
import dev.spindle.nn.top.Packet;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One suite of accelerator behaviours, each run twice: over {@link SimLink} and over {@link XdmaLink} on the
 * emulated XDMA device. Each run checks its results against the bit-exact models and writes a transcript (outputs,
 * cause codes, inference and packet counts; not the stall counters, which depend on the link's pace); the two
 * transcripts must be identical. Both streams run with random gaps and back-pressure, and SimLink's protocol
 * checkers watch every cycle of both runs (the emulated device is a SimLink too). {@link AcceleratorUnitClockTest}
 * runs the same scenarios with the unit on its own clocks.
 */
class AcceleratorBehaviourTest {
    /** The softmax top the scenarios run (a subclass runs them on other variants of the top). */
    AcceleratorTop.Config softmax() { return Devices.SOFTMAX; }

    /** The dot-product top (weights). */
    AcceleratorTop.Config dot() { return Devices.DOT; }

    private static final RegisterMap REGS = AcceleratorRegisters.LAYOUT;
    private static final ValueLayout.OfLong WORD64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    interface Scenario {
        void run(Accelerator acc, Link link, List<String> transcript) throws Exception;
    }

    private static void onBoth(AcceleratorTop.Config base, long seed, Scenario s) throws Exception {
        AcceleratorTop.Config c = Devices.withHash(base);
        List<List<String>> transcripts = new ArrayList<>();
        for (Devices.Kind kind : Devices.Kind.values()) {
            List<String> t = new ArrayList<>();
            try (Devices.Opened d = Devices.open(kind, base, seed); Accelerator acc = Accelerator.open(d.link(), c, Devices.OPTIONS)) {
                s.run(acc, d.link(), t);
            } catch (AssertionError | Exception e) {
                throw new AssertionError("over " + kind + " (seed " + seed + "): " + e.getMessage(), e);
            }
            transcripts.add(t);
        }
        assertEquals(transcripts.get(0), transcripts.get(1), "SimLink and XdmaLink-on-FUSE transcripts differ");
        assertTrue(transcripts.get(0).size() > 1, "the scenario recorded what it saw");
    }

    static long[][] rows(AcceleratorUnit u, int n, Random rnd) {
        int len = u.inputLayout(64).length();
        long[][] rows = new long[n][len];
        for (long[] r : rows) for (int i = 0; i < len; i++) r[i] = rnd.nextInt(1 << 16) - (1 << 15);
        return rows;
    }

    static long[] weights(AcceleratorUnit u, Random rnd) {
        long[] w = new long[u.weightCount()];
        for (int i = 0; i < w.length; i++) w[i] = rnd.nextInt(1 << 16) - (1 << 15);
        return w;
    }

    static void check(AcceleratorUnit u, long[][] rows, long[] weights, Accelerator.Result r, List<String> t) {
        for (int i = 0; i < rows.length; i++) {
            assertArrayEquals(u.model(rows[i], weights), r.outputs()[i], "row " + i + " against the bit-exact model");
            t.add("out " + Arrays.toString(r.outputs()[i]));
        }
        t.add("inferences=" + r.counters().inferences() + " packets=" + r.counters().packets());
    }

    static Cause refusal(Runnable r) {
        AcceleratorException e = assertThrows(AcceleratorException.class, r::run);
        return e.hardwareCause();
    }

    @Test void softmaxRowsMatchTheModel() throws Exception {
        onBoth(softmax(), 11, (acc, link, t) -> {
            AcceleratorUnit u = acc.config().unit();
            Random rnd = new Random(5);
            long[][] rows = rows(u, 9, rnd);
            rows[0] = new long[16];
            Arrays.fill(rows[1], (1 << 15) - 1);
            check(u, rows, new long[0], acc.infer(rows), t);
            check(u, new long[][] {rows[3]}, new long[0], acc.infer(new long[][] {rows[3]}), t);
            assertTrue(acc.counters().lastLatency() > 0, "the hardware measured a latency");
        });
    }

    @Test void weightsLoadVerifiedAndUsed() throws Exception {
        onBoth(dot(), 12, (acc, link, t) -> {
            AcceleratorUnit u = acc.config().unit();
            Random rnd = new Random(6);
            long[][] rows = rows(u, 5, rnd);
            t.add("before weights: " + refusal(() -> acc.infer(rows)));
            long[] w = weights(u, rnd);
            acc.loadWeights(w);
            check(u, rows, w, acc.infer(rows), t);
            long[] w2 = weights(u, rnd);
            acc.loadWeights(w2);
            check(u, rows, w2, acc.infer(rows), t);
        });
    }

    @Test void hardwareRefusesBadPacketsWithACause() throws Exception {
        onBoth(dot(), 13, (acc, link, t) -> {
            AcceleratorTop.Config c = acc.config();
            int wb = link.wordBytes();
            int inBeats = c.unit().inputLayout(c.dataWidth()).beatsPerRow();
            int weightBeats = c.unit().weightLayout(c.dataWidth()).beatsPerRow();
            // Tokens before any weights: an ERROR response of the full size, with the cause.
            t.add("tokens first: " + exchangeRaw(link, Packet.TOKENS, 2, 2 * inBeats, 2));
            t.add("status cause " + causeOf(link));
            clearError(link);
            t.add("weights out of order: " + writeRaw(link, Packet.WEIGHTS, 1, 1) + " cause " + causeOf(link));
            clearError(link);
            t.add("weights too long: " + writeRaw(link, Packet.WEIGHTS, 0, weightBeats + 1) + " cause " + causeOf(link));
            clearError(link);
            t.add("unknown kind: " + writeRaw(link, 9, 0, 2) + " cause " + causeOf(link));
            clearError(link);
            Random rnd = new Random(7);
            long[] w = weights(c.unit(), rnd);
            acc.loadWeights(w);
            t.add("bad length: " + exchangeRaw(link, Packet.TOKENS, 2, 2 * inBeats + 1, 2));
            t.add("status cause " + causeOf(link));
            clearError(link);
            long[][] rows = rows(c.unit(), 3, rnd);
            check(c.unit(), rows, w, acc.infer(rows), t);
        });
    }

    @Test void anInterruptedWeightLoadLeavesTheWeightsInvalid() throws Exception {
        onBoth(dot(), 14, (acc, link, t) -> {
            AcceleratorUnit u = acc.config().unit();
            Random rnd = new Random(8);
            long[] w = weights(u, rnd);
            long[][] rows = rows(u, 2, rnd);
            acc.loadWeights(w);
            check(u, rows, w, acc.infer(rows), t);
            // A new load that stops after its first packet (the weight packets are one beat each here).
            writeRaw(link, Packet.WEIGHTS, 0, 1);
            t.add("weights_valid " + REGS.field("STATUS", "weights_valid").extract(link.readRegister(REGS.offset("STATUS"))));
            t.add("hardware: " + exchangeRaw(link, Packet.TOKENS, 1, u.inputLayout(64).beatsPerRow() == 0 ? 1 : acc.config().unit().inputLayout(acc.config().dataWidth()).beatsPerRow(), 1));
            clearError(link);
            t.add("recover: " + acc.recover());
            acc.loadWeights(w);
            check(u, rows, w, acc.infer(rows), t);
        });
    }

    @Test void abortRecoversFromAPacketThatNeverEnds() throws Exception {
        onBoth(softmax(), 15, (acc, link, t) -> {
            AcceleratorUnit u = acc.config().unit();
            int inBeats = u.inputLayout(64).beatsPerRow();
            // A TOKENS header for 3 rows followed by one and a half rows, then silence.
            MemorySegment m = link.allocate((long) (1 + inBeats + inBeats / 2) * link.wordBytes());
            m.set(WORD64, 0, new Packet.Header(Packet.TOKENS, 3, 3L * inBeats).encode());
            link.write(m, Devices.TIMEOUT);
            t.add("busy " + REGS.field("STATUS", "busy").extract(link.readRegister(REGS.offset("STATUS"))));
            t.add("recover: " + acc.recover());
            long[][] rows = rows(u, 4, new Random(9));
            check(u, rows, new long[0], acc.infer(rows), t);
        });
    }

    @Test void submitOverlapsBatchesInOrder() throws Exception {
        onBoth(softmax(), 16, (acc, link, t) -> {
            AcceleratorUnit u = acc.config().unit();
            Random rnd = new Random(10);
            List<long[][]> batches = new ArrayList<>();
            List<CompletableFuture<Accelerator.Result>> results = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                batches.add(rows(u, 3, rnd));
                results.add(acc.submit(batches.getLast()));
            }
            for (int b = 0; b < 5; b++) check(u, batches.get(b), new long[0], results.get(b).get(), t);
        });
    }

    @Test void registersAndTheThreadRule() throws Exception {
        onBoth(softmax(), 17, (acc, link, t) -> {
            link.writeRegister(REGS.offset("SCRATCH"), 0xC0FFEE);
            t.add("scratch " + Integer.toHexString(link.readRegister(REGS.offset("SCRATCH"))));
            t.add("unit " + link.readRegister(REGS.offset("UNIT")) + " width " + link.readRegister(REGS.offset("DATA_WIDTH")));
            LinkException e = assertThrows(LinkException.class, () -> link.readRegister(0xFF0));
            assertTrue(e.getMessage().contains("0xff0") || e.getMessage().contains("EIO"), e.getMessage());
            t.add("unmapped refused");
            CompletableFuture<Throwable> other = new CompletableFuture<>();
            Thread th = new Thread(() -> {
                try {
                    acc.infer(new long[][] {new long[16]});
                    other.complete(null);
                } catch (Throwable x) {
                    other.complete(x);
                }
            });
            th.start();
            th.join();
            assertTrue(other.get() instanceof IllegalStateException ise && ise.getMessage().contains("belongs to thread"), String.valueOf(other.get()));
            t.add("other thread refused");
        });
    }

    @Test void aMismatchedManifestIsRefusedWithBothHashes() throws Exception {
        AcceleratorTop.Config c = Devices.withHash(softmax());
        String other = "ab".repeat(32);
        for (Devices.Kind kind : Devices.Kind.values()) {
            try (Devices.Opened d = Devices.open(kind, softmax(), 18)) {
                AcceleratorException e = assertThrows(AcceleratorException.class, () -> Accelerator.open(d.link(), c.withIdHash(other), Devices.OPTIONS));
                assertTrue(e.getMessage().contains(c.idHash()) && e.getMessage().contains(other), e.getMessage());
                System.out.println(kind + ": " + e.getMessage());
            }
        }
    }

    // ---- raw packets -----------------------------------------------------------------------------------------

    /** Sends a TOKENS-like packet (header and zero payload) and returns the response header's kind and argument. */
    static String exchangeRaw(Link link, int kind, int rows, long beats, int responseRows) {
        int wb = link.wordBytes();
        MemorySegment out = link.allocate((1 + beats) * wb);
        out.set(WORD64, 0, new Packet.Header(kind, rows, beats).encode());
        MemorySegment in = link.allocate((long) (1 + responseRows) * wb);
        link.exchange(out, in, Devices.TIMEOUT);
        Packet.Header h = Packet.Header.decode(in.get(WORD64, 0));
        return h.kindName() + " " + (h.kind() == Packet.ERROR ? Cause.of(h.arg()).name() : h.arg()) + " beats " + h.beats();
    }

    static String writeRaw(Link link, int kind, int arg, long beats) {
        MemorySegment out = link.allocate((1 + beats) * link.wordBytes());
        out.set(WORD64, 0, new Packet.Header(kind, arg, beats).encode());
        link.write(out, Devices.TIMEOUT);
        return "sent";
    }

    static String causeOf(Link link) {
        int status = link.readRegister(REGS.offset("STATUS"));
        assertEquals(1, REGS.field("STATUS", "error").extract(status), "STATUS.error is set");
        return Cause.of((int) REGS.field("STATUS", "cause").extract(status)).name();
    }

    static void clearError(Link link) {
        link.writeRegister(REGS.offset("STATUS"), REGS.field("STATUS", "error").insert(1));
        assertEquals(0, REGS.field("STATUS", "error").extract(link.readRegister(REGS.offset("STATUS"))), "W1C cleared the error");
    }

}
