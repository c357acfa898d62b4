package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Argmax;
import dev.spindle.nn.ActivationUnitConfig;
import dev.spindle.nn.ArgmaxConfig;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The argmax head against {@code TransformerModel.argmax} bit for bit: logits drawn from a few values so that ties
 * are common (the lowest index must win), full-scale ones, random input gaps and output back-pressure; then the
 * latency and one beat a cycle with neither.
 */
@SpindleSim
class ArgmaxSimTest {
    /** The activation tests' random values (full scale, uniform, around zero), half of them replaced by -2..2: ties. */
    private static long[] logits(ArgmaxConfig c, Random rnd) {
        long[] x = ActivationUnitSimTest.randomBeat(new ActivationUnitConfig(c.lanes(), ActivationUnitConfig.Function.RELU,
                c.input(), c.input()), rnd);
        for (int i = 0; i < x.length; i++) if (rnd.nextBoolean()) x[i] = rnd.nextInt(5) - 2;
        return x;
    }

    /** The agents of one run, for its timing. */
    private record Run(StreamDriver<long[]> input, StreamMonitor<long[]> output) {}

    /** {@code n} random beats through the unit, every output checked against the model. */
    private static Run run(ArgmaxConfig c, SimSession session, Random rnd, double gaps, double stalls, int n) {
        Sim<Argmax> sim = session.sim(() -> new Argmax(c));
        var run = new Run(StreamDriver.on(sim, sim.dut().io.input, rnd, gaps), StreamMonitor.on(sim, sim.dut().io.output, rnd, stalls));
        Scoreboard<long[]> board = new Scoreboard<>("argmax " + c);
        run.output().checkWith(board);
        for (int v = 0; v < n; v++) {
            long[] x = logits(c, rnd);
            run.input().push(x);
            board.expect(TransformerModel.argmax(x, c.lanes()));
        }
        while (board.matched() < n) {
            sim.cycle();
            if (sim.cycleCount() > 20L * n + 1000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        sim.cycles(10);
        board.assertDone();
        return run;
    }

    @ParameterizedTest(name = "{0} lanes of {1}")
    @CsvSource({"1, s3.4", "5, s7.10", "16, s2.6"})
    void equalsModelUnderGapsAndBackPressure(int lanes, String format, SimSession session, Random rnd) {
        run(ArgmaxConfig.of(lanes, FixFormat.parse(format)), session, rnd, 0.3, 0.4, 1500);
    }

    @ParameterizedTest(name = "{0} lanes")
    @CsvSource({"5, 2", "16, 3"})
    void latencyAsStated(int lanes, int latency, SimSession session, Random rnd) {
        var c = ArgmaxConfig.of(lanes, FixFormat.parse(lanes == 5 ? "s7.10" : "s2.6"));   // the builds above, cached
        Run r = run(c, session, rnd, 0.0, 0.0, 50);
        assertEquals(latency, c.latency(), "the stated latency");
        assertEquals(c.latency(), r.output().firstFire() - r.input().firstFire(), "latency, input accepted to output taken");
        assertEquals(49, r.output().lastFire() - r.output().firstFire(), "one beat a cycle");
    }

    @Test void configurationErrorsNameTheField() {
        assertEquals("input: must be signed (s<I>.<F>), got u1.8", assertThrows(IllegalArgumentException.class,
                () -> ArgmaxConfig.of(4, FixFormat.parse("u1.8"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ArgmaxConfig.of(0, FixFormat.parse("s3.4")));
    }
}
