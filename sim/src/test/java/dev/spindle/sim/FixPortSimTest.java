package dev.spindle.sim;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Rounding;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.UFix;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Typed fixed-point handles: real values in, raw and real values out, checked against FixMath. */
@SpindleSim
class FixPortSimTest {
    static final FixFormat A = FixFormat.parse("s4.6");
    static final FixFormat B = FixFormat.parse("u2.6");
    static final FixFormat Y = FixFormat.parse("s5.4");

    static final class Scale extends Component {
        static final class Io extends Bundle {
            final SFix a = in(SFix.type(A));
            final UFix b = in(UFix.type(B));
            final SFix y = out(SFix.type(Y));
        }

        final Io io = new Io();

        Scale() {
            io.y.assign(RegNext(io.a.mul(io.b).resize(Y, Rounding.ROUND_HALF_EVEN, Overflow.SATURATE)));
        }
    }

    @Dut static Scale dut() { return new Scale(); }

    @Test
    void realValuesThroughTypedPorts(Sim<Scale> sim, Random rnd) {
        SimPort.FixPort a = sim.port(sim.dut().io.a);
        SimPort.FixPort b = sim.port(sim.dut().io.b);
        SimPort.FixPort y = sim.port(sim.dut().io.y);
        FixFormat product = FixMath.mulFormat(A, B);
        for (int i = 0; i < 5000; i++) {
            double av = A.min() + rnd.nextDouble() * (A.max() - A.min());
            double bv = rnd.nextDouble() * B.max();
            a.set(av);
            b.set(bv);
            long rawA = a.getRaw();
            long rawB = b.getRaw();
            assertEquals(A.fromDouble(av), rawA);
            sim.cycle();
            long want = FixMath.resize(rawA * rawB, product, Y, Rounding.ROUND_HALF_EVEN, Overflow.SATURATE);
            assertEquals(want, y.getRaw(), "a=" + av + " b=" + bv);
            assertEquals(Y.toDouble(want), y.get(), 0.0);
        }
    }
}
