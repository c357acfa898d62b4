package dev.spindle.sim.nn;

import dev.spindle.hdl.Data;
import dev.spindle.lib.stream.Stream;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The stream test bench of a unit whose weights arrive on a stream of their own (Linear, LayerNorm): drivers on the
 * weight and input streams with random gaps, a monitor with random back-pressure on the output checked by one
 * scoreboard against the model, and the waits with a cycle limit that fail with the cycle they stopped at.
 */
final class WeightedStreamBench {
    final Sim<?> sim;
    final StreamDriver<Long> weights;
    final StreamDriver<long[]> input;
    final Scoreboard<long[]> board;
    final StreamMonitor<long[]> output;
    private long expected;

    /** {@code gap}: the chance an input or weight beat is held back a cycle; {@code backPressure}: the output's. */
    WeightedStreamBench(Sim<?> sim, String name, Stream<? extends Data> weights, Stream<? extends Data> input,
                        Stream<? extends Data> output, Random rnd, double gap, double backPressure) {
        this.sim = sim;
        this.weights = StreamDriver.on(sim, weights, rnd, gap);
        this.input = StreamDriver.on(sim, input, rnd, gap);
        this.board = new Scoreboard<>(name);
        this.output = StreamMonitor.<long[]>on(sim, output, rnd, backPressure).checkWith(board);
    }

    /** Sends the weight words and runs until the unit has taken them all, failing after {@code maxCycles}. */
    void load(List<Long> words, long maxCycles) {
        weights.pushAll(words);
        long limit = sim.cycleCount() + maxCycles;
        while (!weights.idle()) {
            sim.cycle();
            if (sim.cycleCount() > limit) throw new AssertionError("weight stream stuck at cycle " + sim.cycleCount());
        }
    }

    /** Queues {@code n} inputs from {@code source}, each expecting what {@code model} makes of it. */
    void feed(int n, Supplier<long[]> source, UnaryOperator<long[]> model) { feed(n, source, model, 1); }

    /** {@link #feed(int, Supplier, UnaryOperator)} with each input sent as {@code beats} beats of equal length, in order. */
    void feed(int n, Supplier<long[]> source, UnaryOperator<long[]> model, int beats) {
        for (int i = 0; i < n; i++) {
            long[] x = source.get();
            int per = x.length / beats;
            for (int b = 0; b < beats; b++) input.push(java.util.Arrays.copyOfRange(x, b * per, (b + 1) * per));
            board.expect(model.apply(x));
        }
        expected += n;
    }

    /** Runs until every expected output has matched, failing after {@code maxCycles}. */
    void drain(long maxCycles) {
        long limit = sim.cycleCount() + maxCycles;
        while (board.matched() < expected) {
            sim.cycle();
            if (sim.cycleCount() > limit) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
    }

    /** A few more cycles with nothing expected, then nothing may be left over or extra. */
    void finish() {
        sim.cycles(20);
        board.assertDone();
    }
}
