package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.ActivationUnit;
import dev.spindle.nn.ActivationUnitConfig;
import dev.spindle.nn.ActivationUnitConfig.Function;
import dev.spindle.nn.transformer.GeluModel;
import dev.spindle.nn.transformer.GeluVariant;
import dev.spindle.nn.transformer.SigmoidModel;
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
import java.util.function.LongUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The activation unit against its models bit for bit (ReLU, {@code GeluModel} TABLE and IGELU, {@code SigmoidModel}):
 * random values over the whole input range (and its ends), random input gaps and output back-pressure; and the
 * latency with neither.
 */
@SpindleSim
class ActivationUnitSimTest {
    static LongUnaryOperator model(ActivationUnitConfig c) {
        return switch (c.function()) {
            case RELU -> x -> Math.max(0, x);
            case GELU_TABLE -> new GeluModel(c.input(), GeluVariant.TABLE)::apply;
            case IGELU -> new GeluModel(c.input(), GeluVariant.IGELU)::apply;
            case SIGMOID -> new SigmoidModel(c.input(), c.output())::apply;
        };
    }

    static long[] randomBeat(ActivationUnitConfig c, Random rnd) {
        FixFormat f = c.input();
        long[] x = new long[c.lanes()];
        for (int i = 0; i < x.length; i++) {
            x[i] = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextBoolean() ? f.maxRaw() : f.minRaw();
                case 1 -> f.minRaw() + (long) (rnd.nextDouble() * (f.maxRaw() - f.minRaw() + 1));
                default -> Math.max(f.minRaw(), Math.min(f.maxRaw(), Math.round(rnd.nextGaussian() * 3 / f.lsb())));
            };
        }
        return x;
    }

    /** The unit with its agents, {@code n} random beats queued at the input and the model's outputs expected. */
    record Queued(Sim<ActivationUnit> sim, StreamDriver<long[]> input, StreamMonitor<long[]> output, Scoreboard<long[]> board) {}

    static Queued queue(ActivationUnitConfig c, int n, double gap, double backPressure, SimSession session, Random rnd) {
        Sim<ActivationUnit> sim = session.sim(() -> new ActivationUnit(c));
        var model = model(c);
        StreamDriver<long[]> input = StreamDriver.on(sim, sim.dut().io.input, rnd, gap);
        Scoreboard<long[]> board = new Scoreboard<>("activation " + c);
        StreamMonitor<long[]> output = StreamMonitor.<long[]>on(sim, sim.dut().io.output, rnd, backPressure).checkWith(board);
        for (int v = 0; v < n; v++) {
            long[] x = randomBeat(c, rnd);
            long[] y = new long[x.length];
            for (int i = 0; i < y.length; i++) y[i] = model.applyAsLong(x[i]);
            input.push(x);
            board.expect(y);
        }
        return new Queued(sim, input, output, board);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}, {3} lanes")
    @CsvSource({"RELU, s7.10, s7.10, 3", "GELU_TABLE, s7.10, s7.10, 3", "GELU_TABLE, s4.6, s4.6, 2", "IGELU, s7.10, s7.10, 3",
            "IGELU, s3.12, s3.12, 1", "SIGMOID, s7.10, u1.10, 2", "SIGMOID, s5.4, s2.8, 1"})
    void equalsModelUnderGapsAndBackPressure(Function fn, String in, String out, int lanes, SimSession session, Random rnd) {
        var c = new ActivationUnitConfig(lanes, fn, FixFormat.parse(in), FixFormat.parse(out));
        int n = 1500;
        Queued q = queue(c, n, 0.3, 0.4, session, rnd);
        while (q.board().matched() < n) {
            q.sim().cycle();
            if (q.sim().cycleCount() > 20L * n + 1000) throw new AssertionError("stuck at cycle " + q.sim().cycleCount());
        }
        q.sim().cycles(10);
        q.board().assertDone();
    }

    /** Every input of s4.6, so the clip at B (where d reaches 0) and both signs are met at every value. */
    @Test void igeluEqualsModelOnEveryInputOfASmallFormat(SimSession session, Random rnd) {
        FixFormat f = FixFormat.parse("s4.6");
        var c = new ActivationUnitConfig(1, Function.IGELU, f, f);
        Sim<ActivationUnit> sim = session.sim(() -> new ActivationUnit(c));
        var model = model(c);
        StreamDriver<long[]> input = StreamDriver.on(sim, sim.dut().io.input, rnd, 0.2);
        Scoreboard<long[]> board = new Scoreboard<>("activation " + c);
        StreamMonitor.<long[]>on(sim, sim.dut().io.output, rnd, 0.2).checkWith(board);
        for (long x = f.minRaw(); x <= f.maxRaw(); x++) {
            input.push(new long[] {x});
            board.expect(new long[] {model.applyAsLong(x)});
        }
        long n = f.maxRaw() - f.minRaw() + 1;
        while (board.matched() < n) {
            sim.cycle();
            if (sim.cycleCount() > 20L * n + 1000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        board.assertDone();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"RELU", "GELU_TABLE", "IGELU", "SIGMOID"})
    void latencyAsStated(Function fn, SimSession session, Random rnd) {
        FixFormat f = FixFormat.parse("s7.10");     // the configurations above: their builds are cached
        var c = new ActivationUnitConfig(fn == Function.SIGMOID ? 2 : 3, fn, f, fn == Function.SIGMOID ? FixFormat.parse("u1.10") : f);
        int n = 50;
        Queued q = queue(c, n, 0.0, 0.0, session, rnd);
        q.sim().cycles(n + 20);
        q.board().assertDone();
        assertEquals(c.latency(), q.output().firstFire() - q.input().firstFire(), "latency, input accepted to output taken");
        assertEquals(n - 1, q.output().lastFire() - q.output().firstFire(), "one beat a cycle");
    }

    @Test void configurationErrorsNameTheField() {
        FixFormat f = FixFormat.parse("s5.10");
        assertEquals("output: must equal input for GELU_TABLE (got s4.10, input s5.10)", assertThrows(IllegalArgumentException.class,
                () -> new ActivationUnitConfig(2, Function.GELU_TABLE, f, FixFormat.parse("s4.10"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ActivationUnitConfig(0, Function.RELU, f, f));
    }
}
