package dev.spindle.sim.lib.axi;

import dev.spindle.lib.axi.AxiStreamWidthAdapter;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.axi.AxiStreamChecker;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AXI4-Stream width adapter moves every packet's bytes unchanged, in order, between the XDMA widths, including
 * packets whose byte length is not a multiple of either width (a partial final word with {@code tkeep} on its low
 * bytes): random packet lengths, random input gaps and output back-pressure (seeded; the seed is in every message),
 * AXI4-Stream protocol checkers on both sides, and on the output {@code tkeep} contiguous from byte 0 with only a
 * packet's last beat partial.
 */
class AxiStreamWidthAdapterSimTest {
    private static final int PACKETS = 150;

    @Test void upsizes64To256() { run(64, 256, 41); }

    @Test void downsizes512To64() { run(512, 64, 42); }

    @Test void downsizes256To128() { run(256, 128, 43); }

    @Test void upsizes128To512() { run(128, 512, 44); }

    @Test void equalWidthsPassThrough() { run(128, 128, 45); }

    private static void run(int inWidth, int outWidth, long seed) {
        var config = new AxiStreamWidthAdapter.Config(inWidth, outWidth);
        String where = inWidth + " -> " + outWidth + " bits, seed " + seed;
        try (Sim<AxiStreamWidthAdapter> sim = Sim.of(() -> new AxiStreamWidthAdapter(config))) {
            AxiStreamChecker inCheck = sim.add(new AxiStreamChecker(sim, "io_input"));
            AxiStreamChecker outCheck = sim.add(new AxiStreamChecker(sim, "io_output"));
            Random rnd = new Random(seed);
            List<byte[]> sent = new ArrayList<>();
            int maxBytes = 4 * Math.max(inWidth, outWidth) / 8;
            for (int p = 0; p < PACKETS; p++) {
                byte[] b = new byte[1 + rnd.nextInt(maxBytes)];
                rnd.nextBytes(b);
                sent.add(b);
            }
            List<byte[]> got = transfer(sim, sent, inWidth / 8, outWidth / 8, rnd, where);
            assertEquals(sent.size(), got.size(), "packets out (" + where + ")");
            for (int p = 0; p < sent.size(); p++) assertTrue(Arrays.equals(sent.get(p), got.get(p)), "packet " + p + " of " + sent.get(p).length + " bytes (" + where + ")");
            assertTrue(inCheck.beats() > PACKETS && outCheck.beats() > PACKETS, "the checkers saw the traffic (" + where + ")");
        }
    }

    /** Streams the packets in (whole beats, the last one partial) and collects the bytes out, by tkeep and tlast. */
    private static List<byte[]> transfer(Sim<?> sim, List<byte[]> packets, int inBytes, int outBytes, Random rnd, String where) {
        SimPort inData = sim.in("io_input_tdata"), inKeep = sim.in("io_input_tkeep"), inLast = sim.in("io_input_tlast");
        SimPort inValid = sim.in("io_input_tvalid"), inReady = sim.out("io_input_tready");
        SimPort outData = sim.out("io_output_tdata"), outKeep = sim.out("io_output_tkeep"), outLast = sim.out("io_output_tlast");
        SimPort outValid = sim.out("io_output_tvalid"), outReady = sim.in("io_output_tready");
        List<byte[]> got = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        boolean partialSeen = false;
        int packet = 0, offset = 0;
        boolean offered = false;
        for (long cycle = 0; got.size() < packets.size(); cycle++) {
            if (cycle > 200_000) throw new AssertionError("stalled at packet " + got.size() + " (" + where + ")");
            if (!offered && packet < packets.size() && rnd.nextDouble() >= 0.3) {
                byte[] p = packets.get(packet);
                int n = Math.min(inBytes, p.length - offset);
                for (int w = 0; w < inBytes / 4; w++) {
                    int word = 0;
                    for (int b = 0; b < 4; b++) if (4 * w + b < n) word |= (p[offset + 4 * w + b] & 0xFF) << (8 * b);
                    inData.setWord(w, word);
                }
                inKeep.setRaw(n == 64 ? -1L : (1L << n) - 1);
                inLast.setRaw(offset + n == p.length ? 1 : 0);
                inValid.setRaw(1);
                offered = true;
            }
            outReady.setRaw(rnd.nextDouble() >= 0.3 ? 1 : 0);
            sim.eval();
            boolean inFire = offered && inReady.raw() != 0;
            if (outValid.raw() != 0 && outReady.raw() != 0) {
                long keep = outKeep.raw();
                int kept = Long.bitCount(keep);
                assertEquals(kept == 64 ? -1L : (1L << kept) - 1, keep, "tkeep contiguous from byte 0 (" + where + ")");
                assertTrue(!partialSeen, "only a packet's last beat is partial (" + where + ")");
                partialSeen = kept < outBytes;
                for (int b = 0; b < kept; b++) current.write(outData.word(b / 4) >>> (8 * (b % 4)) & 0xFF);
                if (outLast.raw() != 0) {
                    got.add(current.toByteArray());
                    current.reset();
                    partialSeen = false;
                }
            }
            sim.cycle();
            if (inFire) {
                offered = false;
                inValid.setRaw(0);
                offset += inBytes;
                if (offset >= packets.get(packet).length) {
                    packet++;
                    offset = 0;
                }
            }
        }
        return got;
    }
}
