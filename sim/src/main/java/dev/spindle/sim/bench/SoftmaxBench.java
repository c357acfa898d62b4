package dev.spindle.sim.bench;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.Design;
import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;
import dev.spindle.nn.softmax.SoftmaxReference;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.Rows;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import dev.spindle.tools.AtomicFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random score rows (Gaussian, standard deviation 2, like attention logits) streamed with 20% input gaps and 20%
 * output back-pressure; every output element is checked against {@link SoftmaxModel} bit for bit, and the worst
 * error against the float reference is reported. Latency is from a row's last input beat to its last output beat.
 * The dump has one line per element with the real values.
 */
final class SoftmaxBench implements Testbench<SoftmaxConfig, Softmax> {
    @Override public Design<SoftmaxConfig, Softmax> design() { return BuiltinDesigns.SOFTMAX; }

    @Override
    public Measures run(Sim<Softmax> s, Random random, Options options) {
        Softmax dut = s.dut();
        SoftmaxConfig c = dut.config();
        SoftmaxModel model = new SoftmaxModel(c);
        FixFormat in = c.input();
        FixFormat out = c.output();
        int length = c.length();

        StreamDriver<FragmentBeat<long[]>> driver = StreamDriver.on(s, dut.io.input, random, 0.2);
        FireTimes beatsIn = new FireTimes(s, dut.io.input);
        List<long[]> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        List<long[]> received = new ArrayList<>();
        List<Long> rowsOut = new ArrayList<>();
        StreamMonitor.<FragmentBeat<long[]>>on(s, dut.io.output, random, 0.2).onBeat(Rows.collect((row, cycle) -> {
            received.add(row);
            rowsOut.add(cycle);
        }));
        for (long r = 0; r < options.rows(); r++) {
            long[] row = new long[length];
            for (int i = 0; i < length; i++) row[i] = in.fromDouble(2.0 * random.nextGaussian());
            inputs.add(row);
            expected.add(model.apply(row));
            driver.pushAll(Rows.beats(row, c.lanes()));
        }
        long limit = 50L * options.rows() * length + 10_000;
        long start = s.cycleCount();
        List<Long> rowsIn = new ArrayList<>();
        long beats = 0;
        Measurement m = new Measurement();
        while (received.size() < options.rows() && s.cycleCount() - start < limit) {
            s.cycle();
            while (!beatsIn.isEmpty()) {
                long fired = beatsIn.take();
                if (++beats % c.beatsPerRow() == 0) rowsIn.add(fired);
            }
        }

        double maxError = 0;
        for (int r = 0; r < received.size(); r++) {
            double[] reference = SoftmaxReference.applyRaw(inputs.get(r), in);
            m.latency(rowsOut.get(r) - rowsIn.get(r));
            for (int i = 0; i < length; i++) {
                long got = received.get(r)[i];
                int row = r, element = i;
                m.compare(expected.get(r)[i], got, () -> "row " + row + " element " + element);
                maxError = Math.max(maxError, Math.abs(out.toDouble(got) - reference[i]));
            }
        }
        m.missing((options.rows() - received.size()) * length,
                "only " + received.size() + " of " + options.rows() + " rows came out within " + limit + " cycles");
        if (options.dump() != null) dump(options.dump(), inputs, received, in, out);
        m.error(new Measures.ReferenceError("softmax " + c.algorithm() + " " + received.size() + " rows", maxError, out.lsb(),
                out.toString(), model.params().errorBound()));
        return m.done(s.cycleCount() - start);
    }

    /** {@code row,index,input,output}, real values; written to a temporary file and renamed, so never half-written. */
    private static void dump(Path file, List<long[]> inputs, List<long[]> outputs, FixFormat in, FixFormat out) {
        AtomicFile.write(file, w -> {
            w.write("row,index,input,output\n");
            for (int r = 0; r < outputs.size(); r++) {
                for (int i = 0; i < inputs.get(r).length; i++) {
                    w.write(r + "," + i + "," + in.toDouble(inputs.get(r)[i]) + "," + out.toDouble(outputs.get(r)[i]) + "\n");
                }
            }
        });
    }
}
