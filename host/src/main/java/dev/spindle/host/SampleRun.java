package dev.spindle.host;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxReference;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.DotProductUnit;
import dev.spindle.nn.top.SoftmaxUnit;
import dev.spindle.nn.top.TransformerUnit;
import dev.spindle.nn.transformer.TransformerWeights;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code spindle run} does, as an API: reads the samples (array {@code x}; for the dot unit also
 * {@code weights}) from an .npz file, loads weights, runs the samples through an {@link Accelerator} in
 * double-buffered batches, compares each output with the unit's bit-exact model, and writes the outputs
 * ({@code probs} as float64 for the softmax and the transformer, {@code y} as int64 for the dot product).
 */
public final class SampleRun {
    /** What a run found. {@code latencyCycles} is the hardware's LAST_LATENCY for one sample alone. */
    public record Report(int samples, long latencyCycles, long mismatches, String device, double hostSamplesPerSecond,
                         double maxErrorVsReference, Counters counters) {
        /** The last line {@code spindle run} prints. */
        public String line() { return "samples=" + samples + " latency_cycles=" + latencyCycles + " mismatches=" + mismatches + " device=" + device; }
    }

    public static final int BATCH = 64;

    private SampleRun() {}

    public static Report run(Accelerator acc, Path inputs, Path outputs, PrintStream log) { return run(acc, inputs, null, outputs, log); }

    /**
     * {@link #run(Accelerator, Path, Path, PrintStream)} with the weights file {@code model} of a unit whose weights
     * come from one (the transformer: {@code --model WEIGHTS}, whose x is (samples, sequence, features)).
     */
    public static Report run(Accelerator acc, Path inputs, Path model, Path outputs, PrintStream log) {
        AcceleratorUnit unit = acc.config().unit();
        ArrayFile in = Npz.read(inputs);
        int length = unit.inputLayout(acc.config().dataWidth()).length();
        NdArray xArray = in.array("x");
        int[] sampleShape = unit instanceof TransformerUnit t ? new int[] {t.network().sequence(), t.network().features()} : new int[] {length};
        int[] shape = xArray.shape();
        if (shape.length != sampleShape.length + 1 || shape[0] < 1
                || !java.util.Arrays.equals(java.util.Arrays.copyOfRange(shape, 1, shape.length), sampleShape)) {
            throw new IllegalArgumentException(inputs + ": array x has shape " + java.util.Arrays.toString(shape)
                    + ", expected (samples, " + java.util.Arrays.toString(sampleShape).replaceAll("[\\[\\]]", "") + ") with at least one sample");
        }
        int samples = xArray.dim(0);
        int[] full = new int[shape.length];
        full[0] = samples;
        System.arraycopy(sampleShape, 0, full, 1, sampleShape.length);
        double[] x = in.finite("x", full);
        if (model != null && !(unit instanceof TransformerUnit)) throw new IllegalArgumentException("--model belongs to the transformer unit, not '" + unit.name() + "'");
        TransformerWeights networkWeights = null;
        long[][] raw = new long[samples][length];
        long[] weights = new long[0];
        switch (unit) {
            case SoftmaxUnit s -> {
                for (int i = 0; i < samples; i++) for (int j = 0; j < length; j++) raw[i][j] = s.softmax().input().fromDouble(x[i * length + j]);
            }
            case DotProductUnit d -> {
                for (int i = 0; i < samples; i++) for (int j = 0; j < length; j++) raw[i][j] = integer16(inputs, "x", x[i * length + j]);
                double[] w = in.finite("weights", length);
                weights = new long[length];
                for (int j = 0; j < length; j++) weights[j] = integer16(inputs, "weights", w[j]);
                acc.loadWeights(weights);
                log.println("run: loaded " + length + " weights, CRC-32 verified by the hardware");
            }
            case TransformerUnit t -> {
                if (model == null) throw new IllegalArgumentException("the transformer unit needs --model WEIGHTS (.npz or .safetensors)");
                networkWeights = TransformerWeights.load(t.network(), ArrayFile.read(model));
                for (int i = 0; i < samples; i++) for (int j = 0; j < length; j++) raw[i][j] = t.network().input().fromDouble(x[i * length + j]);
                weights = networkWeights.streamWords();
                acc.loadWeights(weights);
                log.println("run: loaded " + weights.length + " weight words from " + model + ", CRC-32 verified by the hardware");
            }
            default -> throw new UnsupportedOperationException("spindle run: unit " + unit.name() + " is not supported yet");
        }
        // Latency of one sample alone, from the hardware's counter; then all samples, two batches in flight.
        long latency = acc.infer(new long[][] {raw[0]}).counters().lastLatency();
        acc.clearCounters();
        long start = System.nanoTime();
        List<CompletableFuture<Accelerator.Result>> pending = new ArrayList<>();
        for (int b = 0; b < samples; b += BATCH) pending.add(acc.submit(java.util.Arrays.copyOfRange(raw, b, Math.min(samples, b + BATCH))));
        long[][] out = new long[samples][];
        Counters counters = null;
        int row = 0;
        for (CompletableFuture<Accelerator.Result> f : pending) {
            Accelerator.Result r = f.join();
            for (long[] o : r.outputs()) out[row++] = o;
            counters = r.counters();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long mismatches = 0;
        double maxError = 0;
        for (int i = 0; i < samples; i++) {
            long[] expect = unit.model(raw[i], weights);
            for (int j = 0; j < expect.length; j++) if (expect[j] != out[i][j]) mismatches++;
        }
        if (unit instanceof SoftmaxUnit s) {
            SoftmaxConfig c = s.softmax();
            double[] probs = new double[samples * length];
            for (int i = 0; i < samples; i++) {
                double[] ref = SoftmaxReference.applyRaw(raw[i], c.input());
                for (int j = 0; j < length; j++) {
                    probs[i * length + j] = c.output().toDouble(out[i][j]);
                    maxError = Math.max(maxError, Math.abs(probs[i * length + j] - ref[j]));
                }
            }
            if (outputs != null) Npz.write(outputs, Map.of("probs", NdArray.of(new int[] {samples, length}, probs)));
        } else if (unit instanceof TransformerUnit t) {
            maxError = TransformerOutputs.write(t.network(), networkWeights, x, out, outputs);
        } else if (outputs != null) {
            long[] y = new long[samples];
            for (int i = 0; i < samples; i++) y[i] = out[i][0];
            Npz.write(outputs, Map.of("y", NdArray.of(new int[] {samples, 1}, y)));
        }
        return new Report(samples, latency, mismatches, acc.link().device(), samples / seconds, maxError, counters);
    }

    private static long integer16(Path file, String array, double v) {
        if (v != Math.rint(v) || v < -32768 || v > 32767) {
            throw new IllegalArgumentException(file + ": array " + array + " holds " + v + ": the dot unit takes integers in -32768..32767");
        }
        return (long) v;
    }
}
