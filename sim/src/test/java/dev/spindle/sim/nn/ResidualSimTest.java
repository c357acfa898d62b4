package dev.spindle.sim.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Residual;
import dev.spindle.nn.ResidualConfig;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

/**
 * The residual add against {@code TransformerModel.residual} bit for bit: operands of other fraction bits than the
 * sum (rounded or shifted left), full-scale values that saturate, independent random gaps on both inputs and random
 * back-pressure.
 */
@SpindleSim
class ResidualSimTest {
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({"s7.10, s7.10, s7.10", "s5.12, s7.8, s6.10", "s3.4, s8.14, s4.2"})
    void equalsModelUnderGapsAndBackPressure(String fa, String fb, String fy, SimSession session, Random rnd) {
        var c = new ResidualConfig(4, FixFormat.parse(fa), FixFormat.parse(fb), FixFormat.parse(fy));
        Sim<Residual> sim = session.sim(() -> new Residual(c));
        StreamDriver<long[]> a = StreamDriver.on(sim, sim.dut().io.a, rnd, 0.3);
        StreamDriver<long[]> b = StreamDriver.on(sim, sim.dut().io.b, rnd, 0.5);
        Scoreboard<long[]> board = new Scoreboard<>("residual " + c);
        StreamMonitor.<long[]>on(sim, sim.dut().io.output, rnd, 0.3).checkWith(board);
        int n = 1000;
        for (int v = 0; v < n; v++) {
            long[] x = ActivationUnitSimTest.randomBeat(new dev.spindle.nn.ActivationUnitConfig(4,
                    dev.spindle.nn.ActivationUnitConfig.Function.RELU, c.a(), c.a()), rnd);
            long[] y = ActivationUnitSimTest.randomBeat(new dev.spindle.nn.ActivationUnitConfig(4,
                    dev.spindle.nn.ActivationUnitConfig.Function.RELU, c.b(), c.b()), rnd);
            a.push(x);
            b.push(y);
            board.expect(TransformerModel.residual(x, c.a(), y, c.b(), c.output()));
        }
        while (board.matched() < n) {
            sim.cycle();
            if (sim.cycleCount() > 20L * n + 1000) throw new AssertionError("stuck at cycle " + sim.cycleCount());
        }
        sim.cycles(10);
        board.assertDone();
    }
}
