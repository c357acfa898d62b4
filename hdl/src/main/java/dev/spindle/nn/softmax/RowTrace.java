package dev.spindle.nn.softmax;

/**
 * One row through {@link SoftmaxModel}: the outputs and the per-row registers a hardware engineer can compare against
 * while debugging the RTL.
 *
 * @param output     raw output probabilities
 * @param max        EXP_TABLE, SHIFTMAX: the row max (raw input); BASE2: the final integer exponent {@code M}
 * @param sum        the row sum {@code S} as the hardware accumulates it (raw integer)
 * @param reciprocal EXP_TABLE, BASE2: {@code R = round(2^(k+q)/S)}; SHIFTMAX: {@code F = floor(2^k/S)}
 */
public record RowTrace(long[] output, long max, long sum, long reciprocal) {}
