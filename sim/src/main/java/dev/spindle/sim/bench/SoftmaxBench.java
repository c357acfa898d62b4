package dev.spindle.sim.bench;

import dev.spindle.hdl.Component;
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
import java.util.Locale;
import java.util.Random;

/**
 * Random score rows (Gaussian, standard deviation 2, like attention logits) streamed with 20% input gaps and 20%
 * output back-pressure; every output element is checked against {@link SoftmaxModel} bit for bit, and the worst
 * error against the float reference is reported. The dump has one line per element with the real values.
 */
final class SoftmaxBench implements Testbench {
    @Override
    public Result run(Sim<? extends Component> s, Random random, Options options) {
        Softmax dut = (Softmax) s.dut();
        SoftmaxConfig c = (SoftmaxConfig) dut.node().config();
        SoftmaxModel model = new SoftmaxModel(c);
        FixFormat in = c.input();
        FixFormat out = c.output();
        int length = c.length();

        StreamDriver<FragmentBeat<long[]>> driver = StreamDriver.on(s, dut.io.input, random, 0.2);
        List<long[]> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        List<long[]> received = new ArrayList<>();
        StreamMonitor.<FragmentBeat<long[]>>on(s, dut.io.output, random, 0.2).onBeat(Rows.collect((row, cycle) -> received.add(row)));
        for (long r = 0; r < options.rows(); r++) {
            long[] row = new long[length];
            for (int i = 0; i < length; i++) row[i] = in.fromDouble(2.0 * random.nextGaussian());
            inputs.add(row);
            expected.add(model.apply(row));
            driver.pushAll(Rows.beats(row, c.lanes()));
        }
        long limit = 50L * options.rows() * length + 10_000;
        long start = s.cycleCount();
        while (received.size() < options.rows() && s.cycleCount() - start < limit) s.cycle();

        long mismatches = 0;
        long checked = 0;
        String first = null;
        double maxError = 0;
        for (int r = 0; r < received.size(); r++) {
            double[] reference = SoftmaxReference.applyRaw(inputs.get(r), in);
            for (int i = 0; i < length; i++) {
                checked++;
                long got = received.get(r)[i];
                if (got != expected.get(r)[i]) {
                    mismatches++;
                    if (first == null) first = "row " + r + " element " + i + ": expected " + expected.get(r)[i] + " but got " + got;
                }
                maxError = Math.max(maxError, Math.abs(out.toDouble(got) - reference[i]));
            }
        }
        if (received.size() < options.rows()) {
            mismatches += (options.rows() - received.size()) * length;
            if (first == null) first = "only " + received.size() + " of " + options.rows() + " rows came out within " + limit + " cycles";
        }
        if (options.dump() != null) dump(options.dump(), inputs, received, in, out);
        List<String> report = List.of(String.format(Locale.ROOT,
                "softmax %s %d rows: max |error| vs float reference %.6f (%.3f LSB of %s; stated bound %.3f LSB)",
                c.algorithm(), received.size(), maxError, maxError / out.lsb(), out, model.params().errorBound() / out.lsb()));
        return new Result(s.cycleCount() - start, checked, mismatches, first, report);
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
