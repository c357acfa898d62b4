package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.Rows;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gap in the middle of an input row stalls that row only: a producer that sends part of the next row and then
 * waits for the current row's first outputs before sending the rest (as a unit that feeds softmax from its own
 * results would) must get them. With a unit that froze its whole pipeline on a mid-row gap this deadlocks.
 */
@SpindleSim
class SoftmaxStallSimTest {
    private static final FixFormat IN = FixFormat.parse("s6.10");
    private static final FixFormat OUT = FixFormat.parse("u1.8");

    @ParameterizedTest(name = "{0} length {1} lanes {2}")
    @CsvSource({"EXP_TABLE, 64, 4", "EXP_TABLE, 8, 4", "BASE2, 64, 4", "BASE2, 8, 4", "SHIFTMAX, 64, 4", "SHIFTMAX, 8, 1"})
    void midRowGapDoesNotFreezeRowsInside(SoftmaxAlgorithm alg, int length, int lanes, SimSession session, Random rnd) {
        SoftmaxConfig c = new SoftmaxConfig(length, lanes, IN, OUT, alg);
        Sim<Softmax> sim = session.sim(() -> new Softmax(c));
        SoftmaxModel model = new SoftmaxModel(c);
        StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.2);
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("softmax " + c);
        StreamMonitor<FragmentBeat<long[]>> out = StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.output, rnd, 0.3)
                .checkWith(board);
        int lb = length / lanes, rows = 40;
        List<List<FragmentBeat<long[]>>> beats = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) {
            long[] x = SoftmaxSimTest.randomRow(rnd, length, IN);
            beats.add(Rows.beats(x, lanes));
            board.expectAll(Rows.beats(model.apply(x), lanes));
        }
        // Row 0 and the head of row 1 go in; then the rest of row r+1 and the head of row r+2 only once row r's first
        // output beat is out. The head is 1..Lb-1 beats, so every row has a gap in its middle that lasts until then.
        int[] head = new int[rows];
        for (int r = 0; r < rows; r++) head[r] = 1 + rnd.nextInt(lb - 1);
        in.pushAll(beats.get(0));
        in.pushAll(beats.get(1).subList(0, head[1]));
        long limit = 20L * model.params().latency() + 1000;
        for (int r = 0; r < rows; r++) {
            long waitFrom = sim.cycleCount();
            long firstBeatOfRow = (long) r * lb + 1;
            while (out.fired() < firstBeatOfRow) {
                sim.cycle();
                int row = r;
                assertTrue(sim.cycleCount() - waitFrom < limit, () -> "deadlock: row " + row + "'s first output did not come in "
                        + limit + " cycles while row " + (row + 1) + " waits with " + head[Math.min(row + 1, rows - 1)]
                        + " of its " + lb + " beats in (cycle " + sim.cycleCount() + ")");
            }
            if (r + 1 < rows) in.pushAll(beats.get(r + 1).subList(head[r + 1], lb));
            if (r + 2 < rows) in.pushAll(beats.get(r + 2).subList(0, head[r + 2]));
        }
        while (board.matched() < (long) rows * lb) {
            sim.cycle();
            assertTrue(sim.cycleCount() < 100L * rows * lb + 100_000, "stuck at cycle " + sim.cycleCount());
        }
        sim.cycles(50);
        board.assertDone();
    }
}
