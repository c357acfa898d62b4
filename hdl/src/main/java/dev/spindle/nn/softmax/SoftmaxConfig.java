package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

import java.util.ArrayList;
import java.util.List;

/**
 * A softmax unit: rows of exactly {@code length} scores arrive {@code lanes} at a time (one beat per clock, the last
 * beat of a row marked) and leave as probabilities in the same shape.
 *
 * <p>Rows are whole beats: {@code length} must be a multiple of {@code lanes} (so a ViT row of 197 uses
 * {@code lanes = 1}); every row has exactly {@code length} elements, which keeps the latency fixed.
 *
 * @param length    elements per row, 1..4096
 * @param lanes     elements per beat, 1..64, dividing {@code length}
 * @param input     score format, {@code s<I>.<F>} or {@code u<I>.<F>}: 0..16 fraction bits, at most 24 bits
 * @param output    probability format: 4..16 fraction bits, able to hold 1.0 ({@code u1.F} or wider, {@code s2.F} or wider)
 * @param algorithm how the unit computes
 */
public record SoftmaxConfig(int length, int lanes, FixFormat input, FixFormat output, SoftmaxAlgorithm algorithm) {

    public static final int MAX_LENGTH = 4096;
    public static final int MAX_LANES = 64;
    public static final int MAX_INPUT_WIDTH = 24;
    public static final int MAX_INPUT_FRAC = 16;
    public static final int MIN_OUTPUT_FRAC = 4;
    public static final int MAX_OUTPUT_FRAC = 16;

    public SoftmaxConfig {
        Require.range("length", length, 1, MAX_LENGTH);
        Require.range("lanes", lanes, 1, MAX_LANES);
        if (length % lanes != 0) {
            throw new IllegalArgumentException("length = " + length + " must be a multiple of lanes = " + lanes
                    + " (a row is a whole number of beats): allowed lanes for length " + length + ": " + divisors(length));
        }
        Require.nonNull("input", input);
        Require.nonNull("output", output);
        Require.nonNull("algorithm", algorithm);
        Require.range("input.fracBits", input.fracBits(), 0, MAX_INPUT_FRAC);
        Require.range("input width (input.intBits + input.fracBits)", input.width(), input.signed() ? 2 : 1, MAX_INPUT_WIDTH);
        if (output.fracBits() < MIN_OUTPUT_FRAC || output.fracBits() > MAX_OUTPUT_FRAC) {
            throw new IllegalArgumentException("output.fracBits = " + output.fracBits() + " (output = " + output
                    + ") is out of range: allowed " + MIN_OUTPUT_FRAC + ".." + MAX_OUTPUT_FRAC
                    + (output.fracBits() < MIN_OUTPUT_FRAC ? " (fewer bits cannot resolve the error bound of a probability)" : ""));
        }
        int minInt = output.signed() ? 2 : 1;
        if (output.intBits() < minInt) {
            throw new IllegalArgumentException("output.intBits = " + output.intBits() + " (output = " + output
                    + ") cannot hold probability 1.0: allowed " + minInt + " or more, e.g. " + (output.signed() ? "s2." : "u1.")
                    + output.fracBits());
        }
        if (output.width() > 32) {
            throw new IllegalArgumentException("output width (output.intBits + output.fracBits) = " + output.width()
                    + " is out of range: allowed " + (minInt + MIN_OUTPUT_FRAC) + "..32");
        }
        // Within these ranges every derived accumulator is at most 48 bits (SoftmaxParams.of checks it again).
    }

    /** The derived internal parameters (widths, ROMs, latency, bounds). */
    public SoftmaxParams params() { return SoftmaxParams.of(this); }

    public int beatsPerRow() { return length / lanes; }

    @Override public String toString() {
        return "SoftmaxConfig[length=" + length + ", lanes=" + lanes + ", input=" + input + ", output=" + output
                + ", algorithm=" + algorithm + "]";
    }

    private static String divisors(int n) {
        List<String> d = new ArrayList<>();
        for (int i = 1; i <= Math.min(n, MAX_LANES); i++) if (n % i == 0) d.add(Integer.toString(i));
        return String.join(", ", d);
    }
}
