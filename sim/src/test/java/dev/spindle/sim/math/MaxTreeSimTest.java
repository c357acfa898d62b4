package dev.spindle.sim.math;

import dev.spindle.tools.RandomRaw;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.lib.math.MaxTreeModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The max tree RTL against {@link MaxTreeModel}, bit for bit: maximum, index (narrow inputs, so ties are frequent and
 * the lowest-index rule is exercised) and valid, one random vector a cycle.
 */
@SpindleSim
class MaxTreeSimTest {
    @ParameterizedTest(name = "n={0} width={1} signed={2} k={3}")
    @CsvSource({"9,3,true,1", "16,10,false,3", "3,2,true,0"})
    void equalsModel(int n, int width, boolean signed, int k, SimSession session, Random rnd) {
        var c = new MaxTree.Config(n, width, signed, k, true, true);
        Sim<MaxTree> sim = session.sim(() -> new MaxTree(c));
        var model = new MaxTreeModel(c);
        RawPort[] in = new RawPort[n];
        for (int i = 0; i < n; i++) in[i] = RawPort.of(sim, sim.dut().io.in.get(i));
        RawPort max = RawPort.of(sim, sim.dut().io.max);
        RawPort index = RawPort.of(sim, sim.dut().io.index);
        RawPort inValid = RawPort.of(sim, sim.dut().io.inValid);
        RawPort outValid = RawPort.of(sim, sim.dut().io.outValid);
        record Expect(MaxTreeModel.Result r, boolean valid, long[] xs) {}
        ArrayDeque<Expect> pipe = new ArrayDeque<>();
        for (int v = 0; v < 5_000; v++) {
            long[] xs = new long[n];
            for (int i = 0; i < n; i++) {
                xs[i] = RandomRaw.next(rnd, signed, width);
                in[i].set(xs[i]);
            }
            boolean valid = rnd.nextBoolean();
            inValid.set(valid);
            pipe.add(new Expect(model.apply(xs), valid, xs));
            if (pipe.size() > c.latency()) {
                Expect e = pipe.poll();
                int at = v;
                assertEquals(e.r().max(), max.get(), () -> c + " cycle " + at + ": max of " + Arrays.toString(e.xs()));
                assertEquals(e.r().index(), index.get(), () -> c + " cycle " + at + ": index of the max of " + Arrays.toString(e.xs()));
                assertEquals(e.valid(), outValid.bit(), () -> c + " cycle " + at + ": outValid");
            }
            sim.cycle();
        }
    }
}
