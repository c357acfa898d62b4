package dev.spindle.sim;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Vec handles read and write the same storage as the elements' own handles, sign-extend SInt, and refuse use after close. */
class VecPortTest {
    static final class Lanes extends Component {
        static final class Io extends Bundle {
            final Vec<SInt> a = in(Vec.type(SInt.type(12), 5));
            final Vec<UInt> b = in(Vec.type(UInt.type(40), 3));
            final Vec<SInt> twice = out(Vec.type(SInt.type(13), 5));
            final Vec<UInt> inc = out(Vec.type(UInt.type(40), 3));
        }

        final Io io = new Io();

        Lanes() {
            for (int k = 0; k < 5; k++) io.twice.get(k).assign(io.a.get(k).addExpand(io.a.get(k)));
            for (int k = 0; k < 3; k++) io.inc.get(k).assign(io.b.get(k).add(1));
        }
    }

    @Test
    void lanesThroughVecHandles() {
        VecPort twice;
        try (Sim<Lanes> sim = Sim.of(Lanes::new)) {
            var io = sim.dut().io;
            VecPort a = sim.port(io.a);
            VecPort b = sim.port(io.b);
            twice = sim.port(io.twice);
            VecPort inc = sim.port(io.inc);
            assertEquals(5, a.size());
            for (int k = 0; k < 5; k++) a.set(k, -100 * k + 7);
            for (int k = 0; k < 3; k++) b.set(k, (1L << 40) - 1 - k);
            for (int k = 0; k < 5; k++) {
                assertEquals(2L * (-100 * k + 7), twice.get(k), "lane " + k);
                assertEquals(twice.get(k), sim.port(io.twice.get(k)).get(), "the element's own handle, lane " + k);
                assertEquals(-100 * k + 7, sim.port(io.a.get(k)).get());
            }
            for (int k = 0; k < 3; k++) assertEquals(((1L << 40) - k) & ((1L << 40) - 1), inc.get(k));
            assertThrows(IndexOutOfBoundsException.class, () -> a.get(5));
            assertThrows(IllegalStateException.class, () -> twice.port(0).set(1));
        }
        assertThrows(IllegalStateException.class, () -> twice.get(0));
    }
}
