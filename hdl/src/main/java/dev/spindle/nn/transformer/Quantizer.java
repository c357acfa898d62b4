package dev.spindle.nn.transformer;

import dev.spindle.hdl.Require;

/**
 * A QKeras {@code quantized_bits(bits, integer, symmetric, alpha=1)} weight quantizer, applied to the stored float
 * ("shadow") weights exactly as QKeras does at inference: {@code w_q = clip(round_half_even(w·2^f), lo, 2^(bits-1)-1)
 * / 2^f} with {@code f = bits - 1 - integer} and {@code lo = -(2^(bits-1) - 1)} when symmetric, {@code -2^(bits-1)}
 * otherwise.
 */
public record Quantizer(int bits, int integer, boolean symmetric) {
    public Quantizer {
        Require.range("quantizer.bits", bits, 2, 32);
        Require.range("quantizer.integer", integer, 0, bits - 1);
    }

    /** Fraction bits of the quantized values. */
    public int fracBits() { return bits - 1 - integer; }

    public double apply(double w) {
        double scale = Math.scalb(1.0, fracBits());
        double hi = (1L << (bits - 1)) - 1;
        double lo = symmetric ? -hi : -(1L << (bits - 1));
        return Math.max(lo, Math.min(hi, Math.rint(w * scale))) / scale;
    }
}
