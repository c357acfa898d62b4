package dev.spindle.sim.bench;

import dev.spindle.nn.Transformer;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.sim.Sim;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Runs samples through a simulated {@link Transformer}: the weight words through {@code io_weights}, then every
 * sample's tokens through {@code io_input} with random input gaps while {@code io_output} sees random back-pressure
 * (seeded; every stream protocol-checked by its agent), each sample's outputs compared with the bit-exact model's.
 * Then the first samples (up to 8) again back to back with neither gaps nor back-pressure, for the initiation interval.
 */
public final class TransformerRun {
    private TransformerRun() {}

    /**
     * What a run measured: the outputs of each sample (raw), the latency of each (first token accepted to last
     * output beat taken), the initiation interval of back-to-back samples, cycles, mismatches and the first one.
     */
    public record Result(List<long[]> outputs, long[] latencyCycles, long iiCycles, long cycles, long mismatches,
                         String firstMismatch, double cyclesPerSecond) {
        /** The median latency (the lower middle of an even count). */
        public long medianLatency() {
            long[] s = latencyCycles.clone();
            Arrays.sort(s);
            return s.length == 0 ? 0 : s[(s.length - 1) / 2];
        }
    }

    /** Output beats of one sample: one after a flatten, else one a token. */
    public static int beatsPerSample(Transformer dut) {
        TransformerConfig c = dut.config();
        return dut.io.output.payload.size() == c.outputs() ? 1 : c.sequence();
    }

    /** The seeded draws of the agents, or (quiet) none: every word offered, the output always ready. */
    private static final class Gaps extends Random {
        private final Random draws;
        boolean quiet;

        Gaps(Random draws) { this.draws = draws; }

        @Override public double nextDouble() { return quiet ? Math.nextDown(1.0) : draws.nextDouble(); }
    }

    public static Result run(Sim<Transformer> sim, long[] weightWords, List<long[]> inputs, List<long[]> expected,
                             Random random, double gap, double backPressure) {
        if (inputs.size() != expected.size() || inputs.isEmpty()) {
            throw new IllegalArgumentException("inputs (" + inputs.size() + ") and expected (" + expected.size() + ") must be equal and not empty");
        }
        long wallStart = System.nanoTime();
        long start = sim.cycleCount();
        Transformer dut = sim.dut();
        int seq = dut.config().sequence();
        int features = dut.config().features();
        Gaps gaps = new Gaps(random);
        StreamDriver<Long> weights = StreamDriver.on(sim, dut.io.weights, gaps, gap);
        StreamDriver<long[]> in = StreamDriver.on(sim, dut.io.input, gaps, gap);
        Collector out = new Collector(beatsPerSample(dut), dut.io.output.payload.size());
        List<Long> firstToken = new ArrayList<>();
        long[] tokens = {0};
        in.onBeat((v, cycle) -> {
            if (tokens[0]++ % seq == 0) firstToken.add(cycle);
        });
        StreamMonitor.<long[]>on(sim, dut.io.output, gaps, backPressure).onBeat(out::beat);

        for (long w : weightWords) weights.push(w);
        long weightLimit = sim.cycleCount() + 20L * weightWords.length + 100;
        while (!weights.idle()) {
            sim.cycle();
            if (sim.cycleCount() > weightLimit) throw new IllegalStateException("weight stream stuck at cycle " + sim.cycleCount());
        }
        List<long[]> all = new ArrayList<>(expected);
        int backToBack = Math.min(inputs.size(), 8);
        all.addAll(expected.subList(0, backToBack));
        out.expected = all;
        push(in, inputs, seq, features);
        waitFor(sim, out, inputs.size());
        gaps.quiet = true;
        push(in, inputs.subList(0, backToBack), seq, features);
        waitFor(sim, out, all.size());
        sim.cycles(5);

        int n = inputs.size();
        long[] latency = new long[n];
        for (int s = 0; s < n; s++) latency[s] = out.done.get(s) - firstToken.get(s);
        long ii = backToBack < 2 ? out.done.get(n) - firstToken.get(n)
                : (out.done.get(n + backToBack - 1) - out.done.get(n)) / (backToBack - 1);
        double seconds = (System.nanoTime() - wallStart) / 1e9;
        long cycles = sim.cycleCount() - start;
        return new Result(out.outputs.subList(0, n), latency, ii, cycles, out.mismatches, out.firstMismatch,
                cycles / Math.max(seconds, 1e-9));
    }

    private static void push(StreamDriver<long[]> in, List<long[]> inputs, int seq, int features) {
        for (long[] x : inputs) {
            for (int t = 0; t < seq; t++) in.push(Arrays.copyOfRange(x, t * features, (t + 1) * features));
        }
    }

    private static void waitFor(Sim<Transformer> sim, Collector out, int samples) {
        long limit = sim.cycleCount() + 1_000_000L + 100_000L * samples;
        while (out.outputs.size() < samples) {
            sim.cycle();
            if (sim.cycleCount() > limit) {
                throw new IllegalStateException("only " + out.outputs.size() + " of " + samples + " samples came out by cycle " + sim.cycleCount());
            }
        }
    }

    /** Gathers output beats into samples and compares each with its expected outputs. */
    private static final class Collector {
        final int beats;
        final int lanes;
        final List<long[]> outputs = new ArrayList<>();
        final List<Long> done = new ArrayList<>();
        List<long[]> expected = List.of();
        long mismatches;
        String firstMismatch;
        private long[] current;
        private int beatsIn;

        Collector(int beats, int lanes) {
            this.beats = beats;
            this.lanes = lanes;
        }

        void beat(long[] v, long cycle) {
            if (current == null) current = new long[beats * lanes];
            System.arraycopy(v, 0, current, beatsIn * lanes, lanes);
            if (++beatsIn < beats) return;
            int s = outputs.size();
            long[] e = s < expected.size() ? expected.get(s) : null;
            for (int i = 0; i < current.length; i++) {
                if (e == null || e[i] != current[i]) {
                    mismatches++;
                    if (firstMismatch == null) {
                        firstMismatch = e == null ? "an output beyond the expected samples at cycle " + cycle
                                : "sample " + s + " output " + i + ": expected " + e[i] + ", got " + current[i] + " at cycle " + cycle;
                    }
                }
            }
            outputs.add(current);
            done.add(cycle);
            current = null;
            beatsIn = 0;
        }
    }
}
