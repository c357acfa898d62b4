package dev.spindle.bench.sim;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Spindle;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.Rows;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.SeededRandom;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the typed stream agents cost: the 64 x 4 softmax (EXP_TABLE, s6.10 in, u1.8 out) runs the same rows twice,
 * with no gaps and no back-pressure:
 * <ul>
 * <li><b>typed</b>: a {@link StreamDriver} and a {@link StreamMonitor} with the codecs derived from the payload
 *   types, the protocol check, and a {@link Scoreboard} that compares every output beat with {@link SoftmaxModel}
 *   (the beats are queued, a row ahead of the design, inside the timed region, where every pushed word is checked
 *   against the payload's shape; the rows are split into beat values before it, as the bare side flattens its
 *   rows before it);</li>
 * <li><b>bare</b>: the ports written and read directly from Java (valid, last and the lanes every cycle, ready and
 *   the outputs read into a checksum), nothing checked.</li>
 * </ul>
 * Both count clock cycles from the first to the last row out; each round times a fresh model, the best round counts;
 * each side runs in its own JVM ({@code SimBenchMain agents typed|bare}) and the script divides the two. The model's rows are computed once, outside the timing. Every model is opened before the first round; the first rounds warm the JIT up. Time is the thread's CPU time
 * (the Verilated model runs in the same thread), so that other work on a shared machine does not count against
 * either side.
 */
public final class AgentCost {
    static final SoftmaxConfig CONFIG = new SoftmaxConfig(64, 4, FixFormat.parse("s6.10"), FixFormat.parse("u1.8"), SoftmaxAlgorithm.EXP_TABLE);

    private AgentCost() {}

    /** The two ways of driving the same rows. */
    enum Side { TYPED, BARE }

    /** The best cycles per second of one side, and the cycles of one run. */
    record Figures(Side side, double cyclesPerSecond, long cycles) {
        String line() {
            return String.format(Locale.ROOT, "agents design=softmax64x4 side=%s cycles_per_s=%.0f cycles=%d",
                    side.name().toLowerCase(Locale.ROOT), cyclesPerSecond, cycles);
        }
    }

    /** Rounds run before the timed ones, so that the JIT has compiled the loop. */
    static final int WARM_UP = 3;

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long cpuNanos() { return THREADS.getCurrentThreadCpuTime(); }

    /**
     * Times one side, best of {@code rounds} (after a warm-up round). One side per JVM, as JMH forks: the other
     * side's profile would otherwise shape the JIT's code for the port accesses both share.
     */
    static Figures measure(Side side, int rows, int rounds) {
        Elaborated<Softmax> design = Spindle.elaborate(() -> new Softmax(CONFIG));
        SoftmaxModel model = new SoftmaxModel(CONFIG);
        Random rnd = new Random(20261201L);
        List<long[]> inputs = new ArrayList<>();
        List<long[]> outputs = new ArrayList<>();
        FixFormat in = CONFIG.input();
        for (int r = 0; r < rows; r++) {
            long[] x = new long[CONFIG.length()];
            for (int i = 0; i < x.length; i++) x[i] = in.fromDouble(2.0 * rnd.nextGaussian());
            inputs.add(x);
            outputs.add(model.apply(x));
        }
        // Every model is opened before the timing starts, so no Verilog emission (and its JIT work) runs between rounds.
        List<Sim<Softmax>> sims = new ArrayList<>();
        for (int round = 0; round <= rounds + WARM_UP; round++) sims.add(Sim.of(design));
        double best = 0;
        long cycles = -1;
        for (int round = 0; round < sims.size(); round++) {   // the first WARM_UP rounds are not counted
            double[] run;
            try (Sim<Softmax> sim = sims.get(round)) {
                run = side == Side.TYPED ? typed(sim, inputs, outputs) : bare(sim, inputs);
            }
            if (cycles >= 0 && cycles != (long) run[1]) throw new IllegalStateException("runs of different lengths: " + cycles + ", " + (long) run[1]);
            cycles = (long) run[1];
            System.err.printf(Locale.ROOT, "bench: agents %s round %d: %.0f cycles/s%s%n",
                    side.name().toLowerCase(Locale.ROOT), round, run[0], round < WARM_UP ? " (warm-up, not counted)" : "");
            if (round >= WARM_UP) best = Math.max(best, run[0]);
        }
        return new Figures(side, best, cycles);
    }

    /** {cycles per second, cycles} through the typed agents and a scoreboard. */
    static double[] typed(Sim<Softmax> sim, List<long[]> inputs, List<long[]> outputs) {
        {
            Random rnd = new SeededRandom(1);
            var io = sim.dut().io;
            // The stimulus and the expected words are made before the timing, as the bare side's flat array is.
            List<List<FragmentBeat<long[]>>> inBeats = new ArrayList<>();
            List<List<FragmentBeat<long[]>>> outBeats = new ArrayList<>();
            for (int r = 0; r < inputs.size(); r++) {
                inBeats.add(Rows.beats(inputs.get(r), CONFIG.lanes()));
                outBeats.add(Rows.beats(outputs.get(r), CONFIG.lanes()));
            }
            long start = cpuNanos();
            long first = sim.cycleCount();
            StreamDriver<FragmentBeat<long[]>> driver = StreamDriver.on(sim, io.input, rnd, 0);
            Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("softmax 64x4");
            StreamMonitor.<FragmentBeat<long[]>>on(sim, io.output, rnd, 0).checkWith(board);
            int perRow = CONFIG.length() / CONFIG.lanes();
            long beats = (long) inputs.size() * perRow;
            // Rows are queued as the design takes them, a row ahead, as a long-running testbench would.
            for (int r = 0; r < inputs.size(); r++) {
                driver.pushAll(inBeats.get(r));
                board.expectAll(outBeats.get(r));
                runWhile(sim, driver, perRow);
            }
            runWhile(sim, driver, 1);
            while (board.matched() < beats) sim.cycle();
            double seconds = (cpuNanos() - start) / 1e9;
            board.assertDone();
            long cycles = sim.cycleCount() - first;
            return new double[] {cycles / seconds, cycles};
        }
    }

    /** Cycles until fewer than {@code ahead} words wait in the driver. */
    private static void runWhile(Sim<Softmax> sim, StreamDriver<?> driver, int ahead) {
        while (driver.pending() >= ahead) sim.cycle();
    }

    /** {cycles per second, cycles} with the ports written and read directly, nothing checked. */
    static double[] bare(Sim<Softmax> sim, List<long[]> inputs) {
        {
            var io = sim.dut().io;
            int lanes = CONFIG.lanes();
            SimPort inValid = sim.port(io.input.valid);
            SimPort inReady = sim.port(io.input.ready);
            SimPort inLast = sim.port(io.input.payload.last);
            SimPort outValid = sim.port(io.output.valid);
            SimPort outReady = sim.port(io.output.ready);
            SimPort outLast = sim.port(io.output.payload.last);
            SimPort[] inLane = new SimPort[lanes];
            SimPort[] outLane = new SimPort[lanes];
            for (int k = 0; k < lanes; k++) {
                inLane[k] = sim.port(io.input.payload.fragment.get(k));
                outLane[k] = sim.port(io.output.payload.fragment.get(k));
            }
            int perRow = CONFIG.length() / lanes;
            long[] flat = new long[inputs.size() * CONFIG.length()];
            for (int r = 0; r < inputs.size(); r++) System.arraycopy(inputs.get(r), 0, flat, r * CONFIG.length(), CONFIG.length());
            int beats = inputs.size() * perRow;
            long start = cpuNanos();
            long first = sim.cycleCount();
            outReady.setRaw(1);
            int next = 0;
            long rowsOut = 0;
            long sink = 0;
            while (rowsOut < inputs.size()) {
                boolean offering = next < beats;
                inValid.setRaw(offering ? 1 : 0);
                if (offering) {
                    for (int k = 0; k < lanes; k++) inLane[k].setRaw(flat[next * lanes + k]);
                    inLast.setRaw(next % perRow == perRow - 1 ? 1 : 0);
                }
                boolean fire = offering && inReady.raw() != 0;
                if (outValid.raw() != 0) {
                    for (int k = 0; k < lanes; k++) sink += outLane[k].raw();
                    if (outLast.raw() != 0) rowsOut++;
                }
                sim.cycle();
                if (fire) next++;
            }
            double seconds = (cpuNanos() - start) / 1e9;
            if (sink == Long.MIN_VALUE) System.err.println("(unlikely checksum)");   // keeps the reads alive
            long cycles = sim.cycleCount() - first;
            return new double[] {cycles / seconds, cycles};
        }
    }
}
