package dev.spindle.bench.sim;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerModel;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.VecPort;
import dev.spindle.sim.verilator.NativeBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole b-tag network ({@code examples/models/btag.json}, the trained QAT weights and the synthetic samples of
 * {@code ../shared/models/btag_transformer}, read in place) as a simulation-benchmark workload, in Java over typed
 * {@link Sim} handles and the same in C++. Set-up (not timed): the weight words through {@code io_weights} (one
 * offered each cycle, taken when ready), then the output always ready, the input always valid, one evaluation. Cycle {@code i}: the input's ready is read as the last edge left
 * it (the network's input ready depends on its state only), the lanes get token {@code t} of the first
 * {@link #SAMPLES} samples (cyclically), one clock period, {@code t} advances when ready was high; then, when the
 * output is valid, its lanes (sign-extended) are added to the checksum.
 */
public final class BtagTestbench implements Workload {
    /** Samples whose tokens the timed loop streams, over and over. */
    static final int SAMPLES = 64;
    static final Path ARCH = Path.of("examples", "models", "btag.json");
    static final Path FOLDER = Path.of("..", "shared", "models", "btag_transformer");

    private final Sim<Transformer> sim;
    private final long[] weights;
    private final long[] tokens;
    private final int features;
    private final SimPort inReady;
    private final SimPort outValid;
    private final VecPort in;
    private final VecPort out;
    private int next;

    private BtagTestbench(Sim<Transformer> sim, long[] weights, long[] tokens) {
        this.sim = sim;
        this.weights = weights;
        this.tokens = tokens;
        var io = sim.dut().io;
        features = io.input.payload.size();
        inReady = sim.port(io.input.ready);
        outValid = sim.port(io.output.valid);
        in = sim.port(io.input.payload);
        out = sim.port(io.output.payload);
        loadWeights();
        sim.port(io.output.ready).setRaw(1);
        sim.port(io.input.valid).setRaw(1);
        sim.eval();   // as the C++ set-up ends: the timed loop reads ready without evaluating first
    }

    /** Elaborates, builds (or finds in the cache) and loads the b-tag network, its weights streamed in. */
    public static BtagTestbench open() {
        Path weights = FOLDER.resolve("btag_qat_weights.npz");
        Path samples = FOLDER.resolve("btag_synthetic_samples.npz");
        for (Path p : new Path[] {ARCH, weights, samples}) {
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("bench btag: " + p + " not found (run from the repository root, next to ../shared/models)");
            }
        }
        TransformerConfig c = TransformerJson.read(ARCH);
        TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(weights));
        NdArray x = ArrayFile.read(samples).array("x");
        TransformerModel model = new TransformerModel(c, w);
        int n = Math.min(SAMPLES, x.dim(0));
        int perSample = c.sequence() * c.features();
        long[] tokens = new long[n * perSample];
        for (int s = 0; s < n; s++) System.arraycopy(model.quantizeInput(x.slice(s).doubles()), 0, tokens, s * perSample, perSample);
        return new BtagTestbench(Sim.of(BuiltinDesigns.TRANSFORMER.elaborate(c)), w.streamWords(), tokens);
    }

    /** Every weight word through io_weights, one offered each cycle and taken when ready; then valid low. */
    private void loadWeights() {
        var io = sim.dut().io;
        SimPort valid = sim.port(io.weights.valid);
        SimPort ready = sim.port(io.weights.ready);
        SimPort payload = sim.port(io.weights.payload);
        int k = 0;
        while (k < weights.length) {
            boolean taken = ready.raw() != 0;   // read before the inputs change, so no evaluation runs first
            valid.setRaw(1);
            payload.setRaw(weights[k]);
            sim.cycle();
            if (taken) k++;
        }
        valid.setRaw(0);
    }

    @Override public Sim<?> sim() { return sim; }

    @Override public long run(long cycles) {
        VecPort in = this.in;
        VecPort out = this.out;
        int features = this.features;
        int tokenCount = tokens.length / features;
        int lanes = out.size();
        int t = next;
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            boolean taken = inReady.raw() != 0;
            int base = t * features;
            for (int k = 0; k < features; k++) in.set(k, tokens[base + k]);
            sim.cycle();
            if (taken) t = t + 1 == tokenCount ? 0 : t + 1;
            if (outValid.raw() != 0) for (int k = 0; k < lanes; k++) sink += out.get(k);
        }
        next = t;
        return sink;
    }

    @Override public NativeBenchmark.Loop cppLoop() {
        var io = sim.dut().io;
        var setup = new StringBuilder(CppReset.sequence(sim));
        setup.append(array("W", weights, sim.port(io.weights.payload).width()));
        setup.append(array("X", tokens, in.width()));
        String wv = "top." + sim.port(io.weights.valid).name();
        String wr = "top." + sim.port(io.weights.ready).name();
        String wp = "top." + sim.port(io.weights.payload).name();
        setup.append("    for (uint64_t k = 0; k < sizeof(W) / sizeof(W[0]);) {\n");
        setup.append("        const bool taken = ").append(wr).append(";\n");
        setup.append("        ").append(wv).append(" = 1;\n");
        setup.append("        ").append(wp).append(" = W[k];\n");
        setup.append("        top.clk = 1; top.eval();\n        top.clk = 0; top.eval();\n");
        setup.append("        if (taken) k++;\n    }\n");
        setup.append("    ").append(wv).append(" = 0;\n");
        setup.append("    top.").append(sim.port(io.output.ready).name()).append(" = 1;\n");
        setup.append("    top.").append(sim.port(io.input.valid).name()).append(" = 1;\n");
        setup.append("    top.eval();\n");
        setup.append("    const uint32_t tokenCount = sizeof(X) / sizeof(X[0]) / ").append(features).append(";\n");
        setup.append("    uint32_t t = 0;\n    bool taken = false;\n");
        var drive = new StringBuilder("        taken = top.").append(inReady.name()).append(";\n");
        for (int k = 0; k < features; k++) {
            drive.append("        top.").append(in.port(k).name()).append(" = X[t * ").append(features).append(" + ").append(k).append("];\n");
        }
        var read = new StringBuilder("        if (taken) t = t + 1 == tokenCount ? 0 : t + 1;\n");
        read.append("        if (top.").append(outValid.name()).append(") {\n");
        int shift = 64 - out.width();
        for (int k = 0; k < out.size(); k++) {
            read.append("            sink += (uint64_t)((int64_t)((uint64_t)top.").append(out.port(k).name())
                    .append(" << ").append(shift).append(") >> ").append(shift).append(");\n");
        }
        read.append("        }\n");
        return new NativeBenchmark.Loop(setup.toString(), drive.toString(), read.toString());
    }

    /** A C++ array of the values taken to {@code width} bits. */
    private static String array(String name, long[] values, int width) {
        long mask = width == 64 ? -1L : (1L << width) - 1;
        var s = new StringBuilder("    static const uint32_t ").append(name).append("[] = {");
        for (int i = 0; i < values.length; i++) {
            if (i % 16 == 0) s.append("\n        ");
            s.append(values[i] & mask).append("u,");
        }
        return s.append("\n    };\n").toString();
    }

    @Override public void close() { sim.close(); }
}
