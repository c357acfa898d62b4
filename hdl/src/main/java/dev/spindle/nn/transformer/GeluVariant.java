package dev.spindle.nn.transformer;

/**
 * How a GELU is computed ({@link GeluModel}): TABLE looks up {@code gelu(x) - relu(x)} (an even function) by
 * {@code |x|}; IGELU is I-BERT's integer-only second-order polynomial for erf (Kim et al. 2021, "i-GELU").
 */
public enum GeluVariant { TABLE, IGELU }
