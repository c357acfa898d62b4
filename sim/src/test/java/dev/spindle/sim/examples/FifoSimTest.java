package dev.spindle.sim.examples;

import dev.spindle.examples.Fifo;
import dev.spindle.sim.Codec;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FIFO under random input gaps and random back-pressure: every word comes out once, in order (a scoreboard
 * fed with the input sequence), and the occupancy matches a count of words in flight.
 */
@SpindleSim
class FifoSimTest {
    @ParameterizedTest
    @CsvSource({"8,16,0.3,0.3", "32,5,0.1,0.6", "1,1,0.5,0.5", "70,3,0.6,0.1"})
    void everyWordOnceInOrder(int width, int depth, double gap, double backPressure, SimSession session, Random rnd) {
        Sim<Fifo> sim = session.sim(() -> new Fifo(new Fifo.Config(width, depth)));
        var io = sim.dut().io;
        var in = new StreamDriver<>(sim, io.push, Codec.big(io.push.payload), rnd, gap);
        Scoreboard<BigInteger> board = new Scoreboard<>("fifo pop");
        var out = new StreamMonitor<>(sim, io.pop, Codec.big(io.pop.payload), rnd, backPressure).checkWith(board);
        var occupancy = sim.port(sim.dut().io.occupancy);
        int words = 5_000;
        for (int i = 0; i < words; i++) {
            BigInteger w = new BigInteger(width, rnd);
            in.push(w);
            board.expect(w);
        }
        long maxOccupancy = 0;
        while (board.matched() < words) {
            long inFlight = in.fired() - out.fired();
            assertEquals(inFlight, occupancy.get(), "occupancy at cycle " + sim.cycleCount());
            maxOccupancy = Math.max(maxOccupancy, inFlight);
            sim.cycle();
            if (sim.cycleCount() > 100L * words) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        sim.cycles(20);
        board.assertDone();
        assertEquals(words, out.fired(), "words out");
        assertTrue(maxOccupancy <= depth, "occupancy " + maxOccupancy + " above depth " + depth);
    }
}
