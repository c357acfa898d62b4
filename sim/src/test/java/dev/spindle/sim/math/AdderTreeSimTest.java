package dev.spindle.sim.math;

import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.AdderTreeModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The adder tree RTL against {@link AdderTreeModel}, bit for bit, one random vector a cycle, latency as documented. */
@SpindleSim
class AdderTreeSimTest {
    @ParameterizedTest(name = "n={0} width={1} signed={2} k={3}")
    @CsvSource({"7,8,true,1", "16,12,false,2", "5,16,true,0", "33,40,true,3"})
    void equalsModel(int n, int width, boolean signed, int k, SimSession session, Random rnd) {
        var c = new AdderTree.Config(n, width, signed, k, true);
        Sim<AdderTree> sim = session.sim(() -> new AdderTree(c));
        var model = new AdderTreeModel(c);
        RawPort[] in = new RawPort[n];
        for (int i = 0; i < n; i++) in[i] = RawPort.of(sim, sim.dut().io.in.get(i));
        RawPort sum = RawPort.of(sim, sim.dut().io.sum);
        RandomVectors.run(sim, in, RawPort.of(sim, sim.dut().io.inValid), RawPort.of(sim, sim.dut().io.outValid), signed, width,
                c.latency(), 5_000, rnd, c, model::sum, (want, xs, where) -> assertEquals((long) want, sum.get(), where + ": sum"));
    }
}
