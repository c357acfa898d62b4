package dev.spindle.sim.math;

import dev.spindle.tools.RandomRaw;
import dev.spindle.hdl.Overflow;
import dev.spindle.lib.math.Mac;
import dev.spindle.lib.math.MacModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The MAC RTL against {@link MacModel}, cycle by cycle, under random operands, enable and clear. Narrow accumulators
 * and long runs between clears make wrap-around and saturation frequent.
 */
@SpindleSim
class MacSimTest {
    @ParameterizedTest(name = "{0}x{1} signed={2} acc={3} {4} registerProduct={5}")
    @CsvSource({"8,8,true,18,SATURATE,true", "6,5,false,12,WRAP,false", "12,12,true,22,WRAP,true", "10,9,false,8,SATURATE,false"})
    void equalsModel(int aw, int bw, boolean signed, int acc, Overflow o, boolean reg, SimSession session, Random rnd) {
        var c = new Mac.Config(aw, bw, signed, acc, o, reg);
        Sim<Mac> sim = session.sim(() -> new Mac(c));
        var model = new MacModel(c);
        RawPort a = RawPort.of(sim, sim.dut().io.a);
        RawPort b = RawPort.of(sim, sim.dut().io.b);
        RawPort enable = RawPort.of(sim, sim.dut().io.enable);
        RawPort clear = RawPort.of(sim, sim.dut().io.clear);
        RawPort out = RawPort.of(sim, sim.dut().io.acc);
        assertEquals(0, out.get(), "accumulator after reset");
        for (int v = 0; v < 10_000; v++) {
            long x = RandomRaw.next(rnd, signed, aw);
            long y = RandomRaw.next(rnd, signed, bw);
            boolean en = rnd.nextInt(8) != 0;
            boolean clr = rnd.nextInt(40) == 0;
            a.set(x);
            b.set(y);
            enable.set(en);
            clear.set(clr);
            sim.cycle();
            long want = model.step(x, y, en, clr);
            int at = v;
            assertEquals(want, out.get(), () -> c + " cycle " + at + ": a=" + x + " b=" + y + " enable=" + en + " clear=" + clr);
        }
    }
}
