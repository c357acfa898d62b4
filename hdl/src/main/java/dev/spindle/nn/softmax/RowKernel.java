package dev.spindle.nn.softmax;

/** One algorithm's bit-exact row arithmetic. */
interface RowKernel {
    /** {@code x}: a full row of raw inputs, already checked against the input format. */
    RowTrace apply(long[] x);
}
