package dev.spindle.sim.bench;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;
import dev.spindle.nn.softmax.SoftmaxReference;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;
import dev.spindle.tools.AtomicFile;

import java.math.BigInteger;
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
        int lanes = c.lanes();
        List<BaseType> inLeaves = dut.io.input.payload.flatten();
        List<BaseType> outLeaves = dut.io.output.payload.flatten();

        StreamDriver driver = new StreamDriver(s, dut.io.input, random, 0.2);
        List<long[]> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        List<long[]> received = new ArrayList<>();
        long[][] current = {new long[length]};
        int[] filled = {0};
        new StreamMonitor(s, dut.io.output, random, 0.2).onWord((word, cycle) -> {
            for (int lane = 0; lane < lanes; lane++) {
                current[0][filled[0]++] = field(word, outLeaves, dut.io.output.payload.fragment.get(lane));
            }
            if (filled[0] == length) {
                received.add(current[0]);
                current[0] = new long[length];
                filled[0] = 0;
            }
        });
        for (long r = 0; r < options.rows(); r++) {
            long[] row = new long[length];
            for (int i = 0; i < length; i++) row[i] = in.fromDouble(2.0 * random.nextGaussian());
            inputs.add(row);
            expected.add(model.apply(row));
            for (int beat = 0; beat < length / lanes; beat++) {
                BigInteger word = BigInteger.ZERO;
                for (BaseType leaf : inLeaves) {
                    long v = leaf == dut.io.input.payload.last ? (beat == length / lanes - 1 ? 1 : 0)
                            : row[beat * lanes + dut.io.input.payload.fragment.indexOf(leaf)];
                    word = word.shiftLeft(leaf.width()).or(BigInteger.valueOf(v).and(mask(leaf.width())));
                }
                driver.push(word);
            }
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

    private static BigInteger mask(int width) { return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE); }

    /** The value of {@code leaf} inside a payload word laid out in flatten order (first leaf most significant). */
    private static long field(BigInteger word, List<BaseType> leaves, BaseType leaf) {
        int shift = 0;
        for (int i = leaves.size() - 1; i >= 0; i--) {
            if (leaves.get(i) == leaf) return word.shiftRight(shift).and(mask(leaf.width())).longValue();
            shift += leaves.get(i).width();
        }
        throw new IllegalArgumentException("not a field of the payload");
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
