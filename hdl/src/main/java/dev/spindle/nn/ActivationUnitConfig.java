package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;
import dev.spindle.nn.transformer.TransformerReference;

/**
 * Configuration of {@link ActivationUnit}: one function applied to each of {@code lanes} values a beat, from
 * {@code input} to {@code output} raw values. RELU and both GELUs keep the format ({@code output = input}, signed);
 * SIGMOID maps a signed input to a probability format (signed or unsigned). The constants and tables are derived here
 * for the hardware; the bit-exact models ({@code GeluModel}, {@code SigmoidModel}) derive their own.
 */
public record ActivationUnitConfig(int lanes, Function function, FixFormat input, FixFormat output) {
    /** The functions, each bit for bit its model: ReLU {@code max(0, x)}, {@code GeluModel} TABLE / IGELU, {@code SigmoidModel}. */
    public enum Function { RELU, GELU_TABLE, IGELU, SIGMOID }

    /** i-GELU constants: {@code round(2^16/sqrt 2)}, {@code round(0.1444·2^16)} and I-BERT's clip point. */
    public static final long INV_SQRT2 = 46341, HALF_A = 9463;
    public static final double CLIP = 1.769;
    /** The GELU table covers {@code |x| < 4}, the sigmoid table {@code |x| < 8}. */
    public static final int GELU_RANGE = 4, SIGMOID_RANGE = 8;

    public ActivationUnitConfig {
        Require.range("lanes", lanes, 1, 4096);
        Require.nonNull("function", function);
        Require.nonNull("input", input);
        Require.nonNull("output", output);
        Require.that(input.signed(), "input", "must be signed (s<I>.<F>), got " + input);
        Require.range("input width", input.width(), 2, 32);
        Require.range("input.fracBits", input.fracBits(), 0, 20);
        if (function == Function.SIGMOID) {
            Require.range("output width", output.width(), 1, 32);
            Require.range("output.fracBits", output.fracBits(), 1, 30);
        } else {
            Require.that(output.equals(input), "output", "must equal input for " + function + " (got " + output + ", input " + input + ")");
        }
    }

    /** Table index bits below the binary point: {@code min(F, 8)} for the GELU table, {@code min(F, 6)} for the sigmoid. */
    public int tableFracBits() { return Math.min(input.fracBits(), function == Function.SIGMOID ? 6 : 8); }

    /** The GELU table: {@code -T[j] = -round(-u·Φ(-u)·2^F) >= 0}, {@code u = j·2^-g}, for j below {@code 4·2^g}. */
    public long[] geluMagnitudes() {
        int g = tableFracBits();
        long[] t = new long[GELU_RANGE << g];
        for (int j = 0; j < t.length; j++) {
            double u = Math.scalb((double) j, -g);
            double phi = 0.5 * (1 + TransformerReference.erf(-u / Math.sqrt(2)));
            t[j] = -Math.round(Math.scalb(-u * phi, input.fracBits()));
        }
        return t;
    }

    /** The sigmoid table over {@code j - 8·2^g}: {@code min(round(σ((j - 8·2^g)·2^-g)·2^Fo), maxRaw)}. */
    public long[] sigmoidTable() {
        int g = tableFracBits();
        int half = SIGMOID_RANGE << g;
        long[] t = new long[2 * half];
        for (int j = 0; j < t.length; j++) {
            double s = 1 / (1 + StrictMath.exp(-(j - half) * Math.scalb(1.0, -g)));
            t[j] = Math.min(Math.round(Math.scalb(s, output.fracBits())), output.maxRaw());
        }
        return t;
    }

    /** i-GELU's clip point {@code B = round(1.769·2^F)}. */
    public long clipRaw() { return Math.round(CLIP * Math.scalb(1.0, input.fracBits())); }

    /** Width of an output lane: the format's, plus a sign bit for an unsigned format (lanes are SInt). */
    public int outputWidth() { return output.width() + (output.signed() ? 0 : 1); }

    /** Cycles from an input's acceptance to its output: RELU 1, SIGMOID 2, GELU_TABLE 3, IGELU 4; one beat a cycle. */
    public int latency() {
        return switch (function) {
            case RELU -> 1;
            case SIGMOID -> 2;
            case GELU_TABLE -> 3;
            case IGELU -> 4;
        };
    }
}
