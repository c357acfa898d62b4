package dev.spindle.sim.bench;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.NdArray;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.Sim;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What {@code spindle sim transformer} and {@code scripts/bench transformer} do: elaborate the network of a
 * description, simulate it (Verilator, in-process), load the weights through its weight stream and run samples
 * through it with random gaps and back-pressure ({@link TransformerRun}), every output checked against
 * {@link TransformerModel}; the outputs as real numbers.
 */
public final class TransformerSimulation {
    /** Input gaps and output back-pressure of the checked run. */
    public static final double GAP = 0.2, BACK_PRESSURE = 0.2;

    private TransformerSimulation() {}

    /** The run's measures and the hardware's outputs as real numbers ({@code probs[s]}: sample s). */
    public record Outcome(TransformerRun.Result run, double[][] probs, FixFormat format) {}

    /** The first {@code samples} rows of {@code x} (samples, sequence, features) through the simulated network. */
    public static Outcome run(TransformerConfig c, TransformerWeights w, NdArray x, int samples, long seed, Path waves) {
        TransformerModel model = new TransformerModel(c, w);
        List<long[]> inputs = new ArrayList<>();
        List<long[]> expected = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            long[] raw = model.quantizeInput(x.slice(s).doubles());
            inputs.add(raw);
            expected.add(model.apply(raw));
        }
        TransformerRun.Result r;
        try (Sim<Transformer> sim = Sim.of(BuiltinDesigns.TRANSFORMER.elaborate(c), waves)) {
            r = TransformerRun.run(sim, w.streamWords(), inputs, expected, new Random(seed), GAP, BACK_PRESSURE);
        }
        FixFormat f = model.outputFormat();
        double[][] probs = new double[samples][];
        for (int s = 0; s < samples; s++) {
            long[] raw = r.outputs().get(s);
            probs[s] = new double[raw.length];
            for (int i = 0; i < raw.length; i++) probs[s][i] = f.toDouble(raw[i]);
        }
        return new Outcome(r, probs, f);
    }
}
