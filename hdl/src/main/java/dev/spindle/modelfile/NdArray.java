package dev.spindle.modelfile;

import java.util.Arrays;

/**
 * An n-dimensional array read from or written to a model file, in C (row-major) order. Floating arrays hold
 * {@code double} values, integer and boolean arrays {@code long} values; {@link #doubles()} and {@link #longs()}
 * convert when asked. Immutable: the accessors return copies.
 */
public final class NdArray {
    private final DType dtype;
    private final int[] shape;
    private final double[] doubles;   // floating types
    private final long[] longs;       // integer types

    private NdArray(DType dtype, int[] shape, double[] doubles, long[] longs) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.doubles = doubles;
        this.longs = longs;
        long n = size(shape);
        int have = doubles != null ? doubles.length : longs.length;
        if (n != have) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has " + n + " elements, data has " + have);
        }
    }

    public static NdArray ofDoubles(DType dtype, int[] shape, double[] values) {
        if (!dtype.floating()) throw new IllegalArgumentException(dtype + " is not a floating type");
        return new NdArray(dtype, shape, values.clone(), null);
    }

    public static NdArray ofLongs(DType dtype, int[] shape, long[] values) {
        if (dtype.floating()) throw new IllegalArgumentException(dtype + " is not an integer type");
        return new NdArray(dtype, shape, null, values.clone());
    }

    /** A float64 array. */
    public static NdArray of(int[] shape, double... values) { return ofDoubles(DType.F64, shape, values); }

    /** An int64 array. */
    public static NdArray of(int[] shape, long... values) { return ofLongs(DType.I64, shape, values); }

    static NdArray wrap(DType dtype, int[] shape, double[] doubles, long[] longs) {
        return new NdArray(dtype, shape, doubles, longs);
    }

    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    public DType dtype() { return dtype; }

    public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    public int dim(int axis) { return shape[axis]; }

    public int size() { return doubles != null ? doubles.length : longs.length; }

    public double[] doubles() {
        if (doubles != null) return doubles.clone();
        double[] out = new double[longs.length];
        for (int i = 0; i < out.length; i++) out[i] = longs[i];
        return out;
    }

    public long[] longs() {
        if (longs != null) return longs.clone();
        long[] out = new long[doubles.length];
        for (int i = 0; i < out.length; i++) out[i] = (long) doubles[i];
        return out;
    }

    /** Element at a flat (C-order) index, as a double. */
    public double at(int flatIndex) { return doubles != null ? doubles[flatIndex] : longs[flatIndex]; }

    /** The sub-array at {@code index} of the first axis (e.g. one sample of a batch). */
    public NdArray slice(int index) {
        if (rank() == 0 || index < 0 || index >= shape[0]) {
            throw new IndexOutOfBoundsException("index " + index + " outside the first axis of shape " + Arrays.toString(shape));
        }
        int[] sub = Arrays.copyOfRange(shape, 1, shape.length);
        int n = (int) size(sub);
        return doubles != null
                ? new NdArray(dtype, sub, Arrays.copyOfRange(doubles, index * n, index * n + n), null)
                : new NdArray(dtype, sub, null, Arrays.copyOfRange(longs, index * n, index * n + n));
    }

    /** The same data under another shape with the same number of elements. */
    public NdArray reshape(int... newShape) {
        return new NdArray(dtype, newShape, doubles, longs);
    }

    @Override public String toString() { return dtype + Arrays.toString(shape); }
}
