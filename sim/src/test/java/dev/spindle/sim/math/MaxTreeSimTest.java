package dev.spindle.sim.math;

import dev.spindle.lib.math.MaxTree;
import dev.spindle.lib.math.MaxTreeModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
        RandomVectors.run(sim, in, RawPort.of(sim, sim.dut().io.inValid), RawPort.of(sim, sim.dut().io.outValid), signed, width,
                c.latency(), 5_000, rnd, c, model::apply, (want, xs, where) -> {
                    assertEquals(want.max(), max.get(), where + ": max");
                    assertEquals(want.index(), index.get(), where + ": index of the max");
                });
    }
}
