package dev.spindle.cli;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.Design;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.host.Accelerator;
import dev.spindle.host.Counters;
import dev.spindle.host.SimLink;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.AcceleratorUnit;
import dev.spindle.nn.top.Accelerators;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import dev.spindle.nn.transformer.Agreement;
import dev.spindle.nn.transformer.SeededWeights;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerReference;
import dev.spindle.nn.transformer.TransformerWeights;
import dev.spindle.sim.bench.TransformerRun;
import dev.spindle.sim.bench.TransformerSimulation;
import dev.spindle.sim.Sim;
import dev.spindle.sim.bench.Measures;
import dev.spindle.sim.bench.Testbench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code spindle demo}: generates the example designs, checks them with Verilator's linter, Yosys and Icarus,
 * and simulates each against its golden model on the simulated device (Verilator, in-process).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Generate the examples, lint them and simulate them.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "where to write the designs (default: out/demo)")
    Path output = Path.of("out", "demo");

    @Option(names = "--cycles", paramLabel = "N", defaultValue = "200000") long cycles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1") long seed;

    /** A softmax (64 scores a row, 4 lanes, s6.10 in, u1.8 out) through the simulator, against model and float reference. */
    private int softmax() {
        SoftmaxConfig config = new SoftmaxConfig(64, 4, FixFormat.parse("s6.10"), FixFormat.parse("u1.8"), SoftmaxAlgorithm.EXP_TABLE);
        Measures m = Testbench.simulate(BuiltinDesigns.SOFTMAX, config, new Random(seed), new Testbench.Options(1, 500, null), null);
        System.out.printf("demo: softmax %s: %d rows in %d cycles, %d elements checked against SoftmaxModel, %d mismatches%n",
                config, 500, m.cycles(), m.checked(), m.mismatches());
        m.error().ifPresent(e -> System.out.println("demo: " + MeasuresText.error(e)));
        return m.passed() ? 0 : 1;
    }

    /** Generates and lints {@code config} of {@code design}, then simulates it under its testbench; returns the problems found. */
    private <C extends Record, T extends ConfiguredComponent<C>> int example(Design<C, T> design, C config) throws IOException {
        Path dir = output.resolve(design.name());
        Files.createDirectories(dir);
        long start = System.nanoTime();
        Elaborated<T> elaborated = design.elaborate(config);
        VerilogOutput out = VerilogBackend.emit(elaborated);
        List<String> lint = Lint.check(out, dir);
        System.out.printf("demo: %-7s %s -> %s; lint (verilator -Wall, yosys, iverilog): %s (%.1f s)%n", design.name(),
                config, dir.resolve(out.top() + ".v"), lint.isEmpty() ? "clean" : "PROBLEMS", (System.nanoTime() - start) / 1e9);
        lint.forEach(System.out::println);
        int failures = lint.size();
        try (Sim<T> sim = Sim.of(elaborated)) {
            Measures m = Testbench.require(design).run(sim, new Random(seed), new Testbench.Options(cycles, 1, null));
            System.out.printf("demo: %-7s simulated %d cycles, %d outputs checked against the golden model, %d mismatches (%.1f M cycles/s)%n",
                    design.name(), m.cycles(), m.checked(), m.mismatches(), m.cyclesPerSecond() / 1e6);
            if (!m.passed()) failures++;
        }
        return failures;
    }

    /**
     * The whole flow as a user runs it: generate the accelerator top (a weighted dot product, then the softmax), load
     * weights through the host API on the simulated device, run samples, compare with the golden model, and print
     * the hardware's own cycle counts.
     */
    private int accelerator() throws IOException {
        int failures = 0;
        Random rnd = new Random(seed);
        for (String unit : List.of("dot", "softmax")) {
            AcceleratorTop.Config base = Accelerators.config(unit, unit.equals("dot") ? Map.of("length", "32") : Map.of("length", "16", "lanes", "2"));
            VerilogOutput out = Accelerators.generate(base);
            Path dir = output.resolve("accelerator-" + unit);
            Files.createDirectories(dir);
            out.writeTo(dir);
            AcceleratorTop.Config expected = base.withIdHash(Accelerators.idHash(base));   // what the generated top carries
            System.out.printf("demo: accelerator %s -> %s (%d ports, XDMA user side, ID %s…)%n", expected.unit(), dir.resolve(out.top() + ".v"),
                    out.manifest().ports().size(), expected.idHash().substring(0, 16));
            try (Accelerator acc = Accelerator.open(SimLink.open(base, SimLink.Options.random(seed)), expected)) {
                AcceleratorUnit u = expected.unit();
                long[] weights = new long[u.weightCount()];
                for (int i = 0; i < weights.length; i++) weights[i] = rnd.nextInt(2001) - 1000;
                if (weights.length > 0) {
                    acc.loadWeights(weights);
                    System.out.printf("demo: accelerator loaded %d weights through the host API (CRC-32 checked by the hardware)%n", weights.length);
                }
                int length = u.inputLayout(base.dataWidth()).length();
                long[][] rows = new long[100][length];
                for (long[] r : rows) for (int i = 0; i < length; i++) r[i] = rnd.nextInt(8001) - 4000;
                Accelerator.Result r = acc.infer(rows);
                long mismatches = 0;
                for (int i = 0; i < rows.length; i++) {
                    long[] expect = u.model(rows[i], weights);
                    for (int j = 0; j < expect.length; j++) if (expect[j] != r.outputs()[i][j]) mismatches++;
                }
                Counters c = r.counters();
                System.out.printf("demo: accelerator %s: %d samples on the simulated device, %d mismatches against the bit-exact model; "
                        + "hardware counters: %d inferences, %d busy cycles, last latency %d cycles, stalls in/out %d/%d%n",
                        u.name(), rows.length, mismatches, c.inferences(), c.busyCycles(), c.lastLatency(), c.stallIn(), c.stallOut());
                if (mismatches != 0 || c.inferences() != rows.length) failures++;
            }
        }
        return failures;
    }

    /**
     * A whole transformer ({@code examples/models/tiny-prenorm.json}: a dense embedding, a pre-norm causal block with
     * an i-GELU FFN, a LayerNorm and a sigmoid head) with weights the project seeds: generated, its weights streamed
     * in, 64 samples under random gaps and back-pressure against {@code TransformerModel} (what {@code spindle sim
     * transformer} does, {@link TransformerSimulation}), and the outputs against the float reference.
     */
    private int transformer() throws IOException {
        String root = System.getenv().getOrDefault("SPINDLE_ROOT", ".");
        Path arch = Path.of(root, "examples", "models", "tiny-prenorm.json");
        if (!Files.isRegularFile(arch)) {
            System.out.println("demo: transformer: " + arch + " not found (run the demo through scripts/spindle, which sets SPINDLE_ROOT)");
            return 1;
        }
        TransformerConfig c = TransformerJson.read(arch);
        Path dir = output.resolve("transformer");
        Files.createDirectories(dir);
        Path weightsFile = dir.resolve("seeded-weights.npz");
        Npz.write(weightsFile, SeededWeights.of(c, seed, 1.0));
        TransformerWeights w = TransformerWeights.load(c, ArrayFile.read(weightsFile));
        VerilogOutput out = VerilogBackend.emit(BuiltinDesigns.TRANSFORMER.elaborate(c));
        out.writeTo(dir);
        System.out.printf("demo: transformer %s (%d layers, %d tokens x %d features) -> %s; weights seeded -> %s%n", c.name(),
                c.layers().size(), c.sequence(), c.features(), dir.resolve(out.top() + ".v"), weightsFile);
        int n = 64;
        NdArray x = SeededWeights.inputs(c, n, seed);
        TransformerSimulation.Outcome o = TransformerSimulation.run(c, w, x, n, seed, null);
        TransformerRun.Result r = o.run();
        System.out.printf("demo: transformer %d weight words through io_weights, %d samples with random gaps and back-pressure: "
                + "%d mismatches against TransformerModel; latency %d cycles (median), II %d cycles%n",
                w.streamWords().length, n, r.mismatches(), r.medianLatency(), r.iiCycles());
        TransformerReference reference = new TransformerReference(c, w);
        double[][] floats = new double[n][];
        for (int s = 0; s < n; s++) floats[s] = reference.apply(x.slice(s).doubles());
        System.out.println("demo: transformer outputs (the bit-exact model's when there are no mismatches) against the float reference: "
                + Agreement.of(o.probs(), floats));
        return r.mismatches() == 0 ? 0 : 1;
    }

    @Override
    public Integer call() throws Exception {
        int failures = example(BuiltinDesigns.COUNTER, BuiltinDesigns.COUNTER.config(Map.of("width", "12")));
        failures += example(BuiltinDesigns.FIFO, BuiltinDesigns.FIFO.config(Map.of("width", "16", "depth", "8")));
        failures += softmax();
        failures += transformer();
        failures += accelerator();
        System.out.println(failures == 0 ? "demo: all checks passed" : "demo: " + failures + " problem(s)");
        return failures == 0 ? 0 : 1;
    }
}
