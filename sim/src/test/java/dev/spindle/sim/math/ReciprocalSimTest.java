package dev.spindle.sim.math;

import dev.spindle.hdl.FixFormat;
import dev.spindle.lib.math.Reciprocal;
import dev.spindle.lib.math.ReciprocalModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The reciprocal RTL against {@link ReciprocalModel}, bit for bit, one input a cycle through the 5-stage pipeline:
 * every input of the 16-bit formats (zero included), seeded random inputs of the 24-bit one.
 */
@SpindleSim
class ReciprocalSimTest {
    @ParameterizedTest(name = "{0} -> {1}, {2} table bits")
    @CsvSource({"u8.8,u8.8,8", "u6.10,u1.17,9", "u24.0,u1.23,12"})
    void equalsModel(String inFormat, String outFormat, int tableBits, SimSession session, Random rnd) {
        var c = new Reciprocal.Config(FixFormat.parse(inFormat), FixFormat.parse(outFormat), tableBits);
        Sim<Reciprocal> sim = session.sim(() -> new Reciprocal(c));
        var model = new ReciprocalModel(c);
        RawPort d = RawPort.of(sim, sim.dut().io.d);
        RawPort y = RawPort.of(sim, sim.dut().io.y);
        int w = c.input().width();
        boolean all = w <= 16;
        long vectors = all ? 1L << w : 50_000;
        ArrayDeque<Long> pipe = new ArrayDeque<>();
        for (long v = 0; v < vectors + c.latency(); v++) {
            long x = v >= vectors ? 0 : all ? v : v < 64 ? v : rnd.nextLong(1L << w);
            d.set(x);
            pipe.add(x);
            if (pipe.size() > c.latency()) {
                long p = pipe.poll();
                long at = v;
                assertEquals(model.apply(p), y.get(), () -> c + " cycle " + at + ": d raw " + p);
            }
            sim.cycle();
        }
    }
}
