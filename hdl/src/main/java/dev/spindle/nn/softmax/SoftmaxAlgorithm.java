package dev.spindle.nn.softmax;

/** How a {@code Softmax} unit computes; each is specified bit-exactly in {@code docs/softmax.md} and {@link SoftmaxModel}. */
public enum SoftmaxAlgorithm {
    /** Subtract the row max, e^-d from two ROMs and one multiplier, exact sum, one rounded reciprocal, multiply (three passes). */
    EXP_TABLE,
    /** Softermax-style: 2^(x·log2 e) as shift + fraction ROMs, online integer max and rescaled sum (two passes). */
    BASE2,
    /** I-ViT Shiftmax: x + (x>>1) - (x>>4), 2^r ≈ 1 + r/2, one integer division per row (no ROM). */
    SHIFTMAX
}
