package dev.spindle.sim.math;

import dev.spindle.tools.RandomRaw;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.AdderTreeModel;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayDeque;
import java.util.Arrays;
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
        RawPort inValid = RawPort.of(sim, sim.dut().io.inValid);
        RawPort outValid = RawPort.of(sim, sim.dut().io.outValid);
        record Expect(long sum, boolean valid, long[] xs) {}
        ArrayDeque<Expect> pipe = new ArrayDeque<>();
        int vectors = 5_000;
        for (int v = 0; v < vectors; v++) {
            long[] xs = new long[n];
            for (int i = 0; i < n; i++) {
                xs[i] = RandomRaw.next(rnd, signed, width);
                in[i].set(xs[i]);
            }
            boolean valid = rnd.nextBoolean();
            inValid.set(valid);
            pipe.add(new Expect(model.sum(xs), valid, xs));
            if (pipe.size() > c.latency()) {                       // the vector of `latency` cycles ago is at the output
                Expect e = pipe.poll();
                int at = v;
                assertEquals(e.sum(), sum.get(), () -> c + " cycle " + at + ": sum of " + Arrays.toString(e.xs()));
                assertEquals(e.valid(), outValid.bit(), () -> c + " cycle " + at + ": outValid");
            }
            sim.cycle();
        }
    }
}
