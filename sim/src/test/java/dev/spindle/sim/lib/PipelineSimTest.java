package dev.spindle.sim.lib;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.Pipeline;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Pipeline} against a cycle model: stages move only in enabled cycles, valid flags start at 0 after reset,
 * a hold keeps its value until an enabled cycle with load.
 */
@SpindleSim
class PipelineSimTest {
    static final int DEPTH = 3;

    static final class Top extends Component {
        static final class Io extends Bundle {
            final Bool ce = in(Bool.type());
            final UInt x = in(UInt.type(8));
            final Bool flag = in(Bool.type());
            final Bool load = in(Bool.type());
            final UInt one = out(UInt.type(8));
            final UInt deep = out(UInt.type(8));
            final Bool flagOut = out(Bool.type());
            final UInt held = out(UInt.type(8));
        }

        final Io io = new Io();

        Top() {
            Pipeline pipe = new Pipeline(io.ce);
            io.one.assign(pipe.stage(io.x));
            io.deep.assign(pipe.stages(io.x, DEPTH));
            io.flagOut.assign(pipe.valid(io.flag, DEPTH));
            io.held.assign(pipe.hold(io.x, io.load));
        }
    }

    @Test void stagesMoveOnlyWhenEnabled(SimSession session, Random rnd) {
        Sim<Top> sim = session.sim(Top::new);
        var ce = sim.port(sim.dut().io.ce);
        var x = sim.port(sim.dut().io.x);
        var flag = sim.port(sim.dut().io.flag);
        var load = sim.port(sim.dut().io.load);
        var one = sim.port(sim.dut().io.one);
        var deep = sim.port(sim.dut().io.deep);
        var flagOut = sim.port(sim.dut().io.flagOut);
        var held = sim.port(sim.dut().io.held);
        // the model: the values of the last DEPTH enabled cycles (newest first), flags reset to 0
        List<Long> xs = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>(List.of(false, false, false));
        Long heldValue = null;                                  // no load yet: the hold register has no defined value
        for (int cycle = 0; cycle < 5_000; cycle++) {
            boolean enable = rnd.nextInt(3) != 0, f = rnd.nextBoolean(), l = rnd.nextInt(4) == 0;
            long v = rnd.nextInt(256);
            ce.set(enable);
            x.set(v);
            flag.set(f);
            load.set(l);
            int at = cycle;
            assertEquals(flags.get(DEPTH - 1), flagOut.get(), () -> "valid after " + DEPTH + " enabled cycles, cycle " + at);
            if (xs.size() >= 1) assertEquals(xs.getFirst(), one.get(), () -> "one stage, cycle " + at);
            if (xs.size() >= DEPTH) assertEquals(xs.get(DEPTH - 1), deep.get(), () -> DEPTH + " stages, cycle " + at);
            if (heldValue != null) assertEquals(heldValue, held.get(), () -> "hold, cycle " + at);
            sim.cycle();
            if (enable) {
                xs.addFirst(v);
                flags.addFirst(f);
                if (l) heldValue = v;
            }
        }
    }
}
