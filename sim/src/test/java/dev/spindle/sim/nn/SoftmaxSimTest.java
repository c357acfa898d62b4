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

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The softmax RTL against {@link SoftmaxModel}, bit for bit, on every row: random rows, random input gaps, random
 * back-pressure; and its throughput and latency with neither.
 */
@SpindleSim
class SoftmaxSimTest {
    private static final FixFormat IN = FixFormat.parse("s6.10");
    private static final FixFormat OUT = FixFormat.parse("u1.8");

    @ParameterizedTest(name = "{0} length {1} lanes {2}, {3} rows")
    @CsvSource({
            "EXP_TABLE, 8, 1, 10000", "EXP_TABLE, 8, 4, 10000", "EXP_TABLE, 8, 8, 10000",
            "EXP_TABLE, 64, 1, 10000", "EXP_TABLE, 64, 4, 10000", "EXP_TABLE, 64, 8, 10000", "EXP_TABLE, 15, 15, 10000", "EXP_TABLE, 3, 3, 10000",
            "EXP_TABLE, 197, 1, 10000",
            "SHIFTMAX, 8, 1, 10000", "SHIFTMAX, 8, 4, 10000", "SHIFTMAX, 8, 8, 10000",
            "SHIFTMAX, 64, 1, 10000", "SHIFTMAX, 64, 4, 10000", "SHIFTMAX, 64, 8, 10000",
            "SHIFTMAX, 197, 1, 10000",
            "BASE2, 8, 1, 10000", "BASE2, 8, 4, 10000", "BASE2, 8, 8, 10000",
            "BASE2, 64, 1, 10000", "BASE2, 64, 4, 10000", "BASE2, 64, 8, 10000",
            "BASE2, 197, 1, 10000"})
    void equalsModelUnderGapsAndBackPressure(SoftmaxAlgorithm alg, int length, int lanes, int rows,
                                             SimSession session, Random rnd) {
        SoftmaxConfig c = new SoftmaxConfig(length, lanes, IN, OUT, alg);
        Sim<Softmax> sim = session.sim(() -> new Softmax(c));
        SoftmaxModel model = new SoftmaxModel(c);
        StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.2);
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("softmax " + c);
        StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.output, rnd, 0.3).checkWith(board);
        long beats = queueRows(rows, c, model, in, board, rnd);
        while (board.matched() < beats) {
            sim.cycle();
            if (sim.cycleCount() > 20 * beats + 10_000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        sim.cycles(50);
        board.assertDone();
    }

    @ParameterizedTest(name = "{0} length {1} lanes {2}")
    @CsvSource({"EXP_TABLE, 64, 1", "EXP_TABLE, 64, 4", "EXP_TABLE, 64, 8", "SHIFTMAX, 64, 1", "SHIFTMAX, 64, 4",
                "SHIFTMAX, 64, 8", "BASE2, 64, 1", "BASE2, 64, 4", "BASE2, 64, 8",
                "EXP_TABLE, 8, 1", "SHIFTMAX, 8, 1", "BASE2, 8, 1", "EXP_TABLE, 8, 8", "SHIFTMAX, 8, 8", "BASE2, 8, 8",
                "EXP_TABLE, 197, 1", "SHIFTMAX, 197, 1", "BASE2, 197, 1", "EXP_TABLE, 15, 15", "EXP_TABLE, 3, 3"})
    void throughputAndLatency(SoftmaxAlgorithm alg, int length, int lanes, SimSession session, Random rnd) {
        int rows = Math.max(1000, 4000 * lanes / length);           // 4,000 beats at least, so the fill counts little
        SoftmaxConfig c = new SoftmaxConfig(length, lanes, IN, OUT, alg);
        Sim<Softmax> sim = session.sim(() -> new Softmax(c));
        SoftmaxModel model = new SoftmaxModel(c);
        StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.0);
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("softmax " + c);
        StreamMonitor<FragmentBeat<long[]>> out = StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.output, rnd, 0.0).checkWith(board);
        long beats = queueRows(rows, c, model, in, board, rnd);
        while (board.matched() < beats) {
            sim.cycle();
            if (sim.cycleCount() > 4 * beats + 10_000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        board.assertDone();
        long latency = out.firstFire() - in.firstFire();
        long cycles = out.lastFire() - in.firstFire() + 1;
        double perCycle = (double) rows * length / cycles;
        System.out.printf("softmax %s: latency %d cycles (params %d), %d elements in %d cycles = %.4f per cycle (%.4f x lanes)%n",
                c, latency, model.params().latency(), (long) rows * length, cycles, perCycle, perCycle / lanes);
        assertEquals(model.params().latency(), latency, "latency, first input beat to first output beat");
        assertTrue(perCycle >= 0.98 * lanes, "throughput " + perCycle + " elements/cycle");
        // rows come out back to back: the last beat leaves exactly rows*lb - 1 cycles after the first
        assertEquals(beats - 1, out.lastFire() - out.firstFire(), "output beats back to back");
    }

    /** Queues {@code rows} random rows on the driver and their model outputs on the scoreboard; returns the beats. */
    static long queueRows(int rows, SoftmaxConfig c, SoftmaxModel model, StreamDriver<FragmentBeat<long[]>> in,
                          Scoreboard<FragmentBeat<long[]>> board, Random rnd) {
        for (int row = 0; row < rows; row++) {
            long[] x = randomRow(rnd, c.length(), IN);
            in.pushAll(Rows.beats(x, c.lanes()));
            board.expectAll(Rows.beats(model.apply(x), c.lanes()));
        }
        return (long) rows * (c.length() / c.lanes());
    }

    /** Rows of several shapes: uniform over the whole range, narrow clusters, a few levels, one-hot-like. */
    static long[] randomRow(Random rnd, int n, FixFormat f) {
        long lo = f.minRaw(), hi = f.maxRaw();
        long[] x = new long[n];
        int shape = rnd.nextInt(4);
        long base = lo + (long) (rnd.nextDouble() * (hi - lo + 1));
        long spread = 1L << rnd.nextInt(f.width());
        for (int i = 0; i < n; i++) {
            long v = switch (shape) {
                case 0 -> lo + (long) (rnd.nextDouble() * (hi - lo + 1));
                case 1 -> base + (long) (rnd.nextGaussian() * spread);
                case 2 -> base - spread * rnd.nextInt(3);
                default -> rnd.nextInt(8) == 0 ? hi - rnd.nextInt(4) : lo + rnd.nextInt(4);
            };
            x[i] = Math.max(lo, Math.min(hi, v));
        }
        return x;
    }
}
