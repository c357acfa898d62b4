package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;
import dev.spindle.lib.math.AdderTree;

import java.util.ArrayList;
import java.util.List;

/**
 * Configuration of {@link Linear}: {@code y = x·W + b} of {@code inputs} values to {@code outputs} values, the
 * formats of x, W, b and y, an optional fused ReLU, and {@code parallelism}, the multipliers in use: either a
 * divisor of {@code outputs} (that many output neurons at a time, one input each) or {@code outputs × pi} with
 * {@code pi} a divisor of {@code inputs} (every output at once, {@code pi} inputs each). {@code treeRegisterEvery}:
 * the adder tree over the {@code pi} products registers after every this many levels (0: combinational; the
 * 8-argument constructor chooses it from the tree's depth), which adds {@link #treeLatency()} cycles and keeps the
 * logic depth down. {@code inputBeats}: the input vector arrives in this many beats of {@code inputs/inputBeats} values
 * (1: one beat; more only with every output at once and whole input groups per beat), each beat's products
 * accumulated as it comes, so a dense after a flatten starts on the first token.
 */
public record LinearConfig(int inputs, int outputs, FixFormat input, FixFormat weight, FixFormat bias, FixFormat output,
                           boolean relu, int parallelism, int treeRegisterEvery, int inputBeats) {
    public static final int MAX_SIZE = 4096;

    /** A Linear that takes its whole input vector in one beat. */
    public LinearConfig(int inputs, int outputs, FixFormat input, FixFormat weight, FixFormat bias, FixFormat output,
                        boolean relu, int parallelism, int treeRegisterEvery) {
        this(inputs, outputs, input, weight, bias, output, relu, parallelism, treeRegisterEvery, 1);
    }

    /** A Linear whose adder tree is registered as {@link #treeRegisterEveryFor} chooses. */
    public LinearConfig(int inputs, int outputs, FixFormat input, FixFormat weight, FixFormat bias, FixFormat output,
                        boolean relu, int parallelism) {
        this(inputs, outputs, input, weight, bias, output, relu, parallelism, treeRegisterEveryFor(outputs, parallelism));
    }

    /**
     * The tree registers of the 8-argument constructor, from the tree's depth: combinational over up to 4 products
     * (2 adder levels: the unit measures 9-10 LUT levels), else a register every 2 levels, as the attention
     * projections (a tree over 6 or 8 products unregistered measured 15 levels, over 12 products 15 as well).
     */
    public static int treeRegisterEveryFor(int outputs, int parallelism) {
        int pi = parallelism <= outputs ? 1 : parallelism / Math.max(1, outputs);
        int levels = 32 - Integer.numberOfLeadingZeros(pi - 1);     // ceil(log2 pi)
        return levels <= 2 ? 0 : 2;
    }

    public LinearConfig {
        Require.range("inputs", inputs, 1, MAX_SIZE);
        Require.range("outputs", outputs, 1, MAX_SIZE);
        for (var f : new FixFormat[] {input, weight, bias, output}) Require.nonNull("formats", f);
        Require.that(input.signed() && weight.signed() && bias.signed() && output.signed(), "formats",
                "input, weight, bias and output must be signed (s<I>.<F>)");
        Require.range("input width", input.width(), 2, 27);
        Require.range("weight width", weight.width(), 2, 27);
        Require.range("bias width", bias.width(), 2, 27);
        Require.range("output width", output.width(), 2, 32);
        int maxBiasFrac = input.fracBits() + weight.fracBits();
        if (bias.fracBits() > maxBiasFrac) {
            throw new IllegalArgumentException("bias.fracBits = " + bias.fracBits() + " (bias = " + bias + ") is out of range: allowed at most "
                    + maxBiasFrac + " (input + weight fraction bits)");
        }
        Require.range("accumulator width", accWidth(inputs, input, weight, bias), 2, 62);
        if (!allowedParallelism(inputs, outputs).contains(parallelism)) {
            throw new IllegalArgumentException("parallelism = " + parallelism + " is out of range: allowed " + allowedParallelism(inputs, outputs)
                    + " (a divisor of outputs = " + outputs + ", or outputs times a divisor of inputs = " + inputs + ")");
        }
        Require.range("treeRegisterEvery", treeRegisterEvery, 0, 64);
        Require.range("inputBeats", inputBeats, 1, inputs);
        if (inputs % inputBeats != 0) {
            throw new IllegalArgumentException("inputBeats = " + inputBeats + " is out of range: allowed a divisor of inputs = " + inputs);
        }
        if (inputBeats > 1 && !wholeGroupsPerBeat(inputs, outputs, parallelism, inputBeats)) {
            throw new IllegalArgumentException("parallelism = " + parallelism + " is out of range for inputBeats = " + inputBeats
                    + ": allowed outputs = " + outputs + " times a divisor of the " + inputs / inputBeats
                    + " values of a beat (every output at once, each beat's values in whole groups)");
        }
    }

    /** This configuration taking its input vector in {@code beats} beats of {@code inputs/beats} values (a flatten's tokens as they come). */
    public LinearConfig withInputBeats(int beats) {
        return new LinearConfig(inputs, outputs, input, weight, bias, output, relu, parallelism, treeRegisterEvery, beats);
    }

    /** Whether {@link #withInputBeats} may take {@code beats} beats: every output at once, a beat's values in whole input groups. */
    public boolean canStream(int beats) {
        return beats > 1 && inputs % beats == 0 && wholeGroupsPerBeat(inputs, outputs, parallelism, beats);
    }

    /** Every output at once ({@code parallelism = outputs × pi}) and {@code pi} dividing a beat's {@code inputs/beats} values. */
    private static boolean wholeGroupsPerBeat(int inputs, int outputs, int parallelism, int beats) {
        return parallelism >= outputs && (inputs / beats) % (parallelism / outputs) == 0;
    }

    /** Values in one input beat: {@code inputs / inputBeats}. */
    public int beatValues() { return inputs / inputBeats; }

    /** Steps (memory words) per input beat: {@code beatValues / pi} (every step when the vector is one beat). */
    public int stepsPerBeat() { return steps() / inputBeats; }

    /** This configuration with the adder tree registered after every {@code k} levels. */
    public LinearConfig withTreeRegisterEvery(int k) {
        return new LinearConfig(inputs, outputs, input, weight, bias, output, relu, parallelism, k, inputBeats);
    }

    /** Register stages of the adder tree over the {@code pi} products: {@code floor(ceil(log2 pi) / treeRegisterEvery)}. */
    public int treeLatency() { return AdderTree.latency(inputLanes(), treeRegisterEvery); }

    static int accWidth(int inputs, FixFormat input, FixFormat weight, FixFormat bias) {
        int products = input.width() + weight.width() + Integer.SIZE - Integer.numberOfLeadingZeros(inputs);
        int biasBits = bias.width() + input.fracBits() + weight.fracBits() - bias.fracBits();
        return Math.max(products, biasBits) + 1;
    }

    public static List<Integer> allowedParallelism(int inputs, int outputs) {
        List<Integer> p = new ArrayList<>();
        for (int d = 1; d <= outputs; d++) if (outputs % d == 0) p.add(d);
        for (int d = 2; d <= inputs; d++) if (inputs % d == 0) p.add(outputs * d);
        return p;
    }

    /** Output neurons computed at once. */
    public int outputLanes() { return parallelism <= outputs ? parallelism : outputs; }

    /** Inputs multiplied at once per output neuron. */
    public int inputLanes() { return parallelism <= outputs ? 1 : parallelism / outputs; }

    /** Steps (weight-memory words) per input vector: {@code (inputs/pi)·(outputs/po)}. */
    public int steps() { return inputs / inputLanes() * (outputs / outputLanes()); }

    /** Width of the exact accumulator. */
    public int accumulatorWidth() { return accWidth(inputs, input, weight, bias); }

    /** Width of one weight-stream word: the wider of the weight and bias formats. */
    public int wordWidth() { return Math.max(weight.width(), bias.width()); }

    /** Words in one load of the weight stream: every weight, then every bias. */
    public int weightWords() { return inputs * outputs + outputs; }

    /**
     * Cycles from an input vector's acceptance to its output being taken, with a ready consumer:
     * {@code steps + 3 + treeLatency} (steps memory reads, then the product/accumulate stage with the adder tree's
     * registers, the bias/rounding stage and the output register); with one step ({@code parallelism = inputs ×
     * outputs}) {@code treeLatency + 1} when the tree ends in a register, else {@code treeLatency + 2} (the products
     * are taken from the accepted input and the weight registers directly, the sum registered once, then the
     * output register). With {@code inputBeats > 1}, from the last beat's acceptance: {@code stepsPerBeat + 3 +
     * treeLatency}, each beat taken {@link #beatInterval()} after the one before at the earliest.
     */
    public int latency() {
        if (steps() == 1) return treeLatency() + (treeEndsInRegister() ? 1 : 2);
        return stepsPerBeat() + 3 + treeLatency();
    }

    /** Whether the adder tree's last level is followed by one of its registers (so its sum needs no register of its own). */
    public boolean treeEndsInRegister() {
        // one product is no tree: it comes straight from the input
        return inputLanes() > 1 && AdderTree.endsInRegister(inputLanes(), treeRegisterEvery);
    }

    /** Initiation interval: back-to-back vectors are accepted and leave one every {@code steps} cycles. */
    public int interval() { return steps(); }

    /** Cycles between the input beats of one vector, back to back: {@link #stepsPerBeat()}. */
    public int beatInterval() { return stepsPerBeat(); }
}
