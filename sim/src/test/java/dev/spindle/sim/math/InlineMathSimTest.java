package dev.spindle.sim.math;

import dev.spindle.tools.RandomRaw;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.AdderTreeModel;
import dev.spindle.lib.math.FunctionTableModel;
import dev.spindle.lib.math.MacModel;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.lib.math.MaxTreeModel;
import dev.spindle.lib.math.ReciprocalModel;
import dev.spindle.sim.Dut;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SpindleSim;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The units used inline ({@link InlineMath}) against their models: the stalled pipelines advance only on {@code ce}
 * cycles, the others every cycle. And the component is lint-clean.
 */
@SpindleSim
class InlineMathSimTest {
    private static final int N = InlineMath.N;

    @Dut static InlineMath dut() { return new InlineMath(); }

    @Test
    void lintClean() {
        var out = VerilogBackend.emit(Spindle.elaborate(InlineMath::new));
        assertEquals(List.of(), Lint.check(out, Path.of("target", "math-lint", "inline").toAbsolutePath()));
    }

    @Test
    void everyUnitEqualsItsModel(Sim<InlineMath> sim, Random rnd) {
        var io = sim.dut().io;
        RawPort[] xs = new RawPort[N];
        for (int i = 0; i < N; i++) xs[i] = RawPort.of(sim, io.xs.get(i));
        RawPort ce = RawPort.of(sim, io.ce);
        RawPort enable = RawPort.of(sim, io.enable);
        RawPort clear = RawPort.of(sim, io.clear);
        RawPort sum = RawPort.of(sim, io.sum);
        RawPort max = RawPort.of(sim, io.max);
        RawPort index = RawPort.of(sim, io.index);
        RawPort combMax = RawPort.of(sim, io.combMax);
        RawPort acc = RawPort.of(sim, io.acc);
        RawPort exp = RawPort.of(sim, io.exp);
        RawPort recip = RawPort.of(sim, io.recip);

        var sumModel = new AdderTreeModel(new AdderTree.Config(N, InlineMath.WIDTH, true, 1, false));
        var maxConfig = new MaxTree.Config(N, InlineMath.WIDTH, true, 2, true, false);
        var maxModel = new MaxTreeModel(maxConfig);
        var macModel = new MacModel(InlineMath.MAC);
        var expModel = new FunctionTableModel(InlineMath.EXP);
        var recipModel = new ReciprocalModel(InlineMath.RECIP);
        int sumLatency = AdderTree.latency(N, 1);
        int maxLatency = MaxTree.latency(N, 2);
        int recipLatency = InlineMath.RECIP.latency();

        List<long[]> onCe = new ArrayList<>();                       // inputs presented on ce cycles
        List<long[]> every = new ArrayList<>();                      // inputs of every cycle
        for (int v = 0; v < 5_000; v++) {
            long[] x = new long[N];
            for (int i = 0; i < N; i++) {
                x[i] = RandomRaw.next(rnd, true, InlineMath.WIDTH);
                xs[i].set(x[i]);
            }
            boolean c = rnd.nextInt(4) != 0;
            boolean en = rnd.nextInt(8) != 0;
            boolean clr = rnd.nextInt(30) == 0;
            ce.set(c);
            enable.set(en);
            clear.set(clr);
            int at = v;
            var now = maxModel.apply(x);
            assertEquals(now.max(), combMax.get(), () -> "cycle " + at + ": combinational max of " + Arrays.toString(x));
            sim.cycle();
            if (c) onCe.add(x);
            every.add(x);
            long want = macModel.step(x[0], x[1], en, clr);
            assertEquals(want, acc.get(), () -> "cycle " + at + ": acc");
            if (onCe.size() >= sumLatency) {
                long[] in = onCe.get(onCe.size() - sumLatency);
                assertEquals(sumModel.sum(in), sum.get(), () -> "cycle " + at + ": sum of " + Arrays.toString(in));
            }
            if (onCe.size() >= maxLatency) {
                long[] in = onCe.get(onCe.size() - maxLatency);
                var r = maxModel.apply(in);
                assertEquals(r.max(), max.get(), () -> "cycle " + at + ": max of " + Arrays.toString(in));
                assertEquals(r.index(), index.get(), () -> "cycle " + at + ": index of the max of " + Arrays.toString(in));
            }
            if (!onCe.isEmpty()) {
                long in = onCe.getLast()[2];
                assertEquals(expModel.apply(in), exp.get(), () -> "cycle " + at + ": exp of raw " + in);
            }
            if (every.size() >= recipLatency) {
                long in = every.get(every.size() - recipLatency)[3] & 0x3FF;   // the same bits read as u5.5
                assertEquals(recipModel.apply(in), recip.get(), () -> "cycle " + at + ": 1/d of raw " + in);
            }
        }
    }
}
