package dev.spindle.sim.math;

import dev.spindle.hdl.FixFormat;
import dev.spindle.lib.math.FunctionTable;
import dev.spindle.lib.math.FunctionTable.Config;
import dev.spindle.lib.math.FunctionTable.Sample;
import dev.spindle.lib.math.FunctionTableModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Function-table ROMs against {@link FunctionTableModel}, bit for bit: every input value once (in a seeded random order),
 * then random inputs, each read one cycle after it is presented.
 */
@SpindleSim
class FunctionTableSimTest {
    static List<Arguments> tables() {
        return List.of(
                Arguments.of(new Config("exp", Math::exp, FixFormat.parse("s4.6"), FixFormat.parse("u1.10"))),
                Arguments.of(new Config("tanh", Math::tanh, FixFormat.parse("s3.9"), 9, FixFormat.parse("s1.10"), Sample.MIDDLE)),
                Arguments.of(new Config("recip", x -> 1 / x, FixFormat.parse("u4.8"), 8, FixFormat.parse("u8.8"), Sample.START)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void equalsModel(Config c, SimSession session, Random rnd) {
        Sim<FunctionTable> sim = session.sim(() -> new FunctionTable(c));
        var model = new FunctionTableModel(c);
        RawPort x = RawPort.of(sim, sim.dut().io.x);
        RawPort y = RawPort.of(sim, sim.dut().io.y);
        FixFormat in = c.input();
        long span = 1L << in.width();
        long[] order = new long[(int) span];
        for (int i = 0; i < span; i++) order[i] = in.minRaw() + i;
        for (int i = order.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int vectors = (int) Math.max(span, 5_000);
        long previous = 0;
        for (int v = 0; v < vectors; v++) {
            long xs = v < span ? order[v] : in.minRaw() + (long) (rnd.nextDouble() * span);
            x.set(xs);
            if (v > 0) {
                long p = previous;
                int at = v;
                assertEquals(model.apply(p), y.get(), () -> c + " cycle " + at + ": x raw " + p);
            }
            sim.cycle();
            previous = xs;
        }
    }
}
