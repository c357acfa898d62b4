package dev.spindle.nn.softmax;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bit-exact model of a softmax unit: integer Java written from the algorithm (docs/softmax.md), which the RTL must
 * equal bit for bit. ROM contents are computed once here, the same integers the RTL generator puts in its ROMs
 * ({@link #tables()}); no floating point is used per row.
 *
 * <pre>{@code
 * var model = new SoftmaxModel(new SoftmaxConfig(64, 4, FixFormat.parse("s6.10"), FixFormat.parse("u1.8"), SoftmaxAlgorithm.BASE2));
 * long[] probs = model.apply(scores);            // raw s6.10 in, raw u1.8 out
 * }</pre>
 */
public final class SoftmaxModel {
    private final SoftmaxConfig config;
    private final SoftmaxParams params;
    private final RowKernel kernel;

    public SoftmaxModel(SoftmaxConfig config) {
        this.config = config;
        this.params = config.params();
        this.kernel = switch (params) {
            case ExpTableParams p -> new ExpTableKernel(p);
            case Base2Params p -> new Base2Kernel(p);
            case ShiftmaxParams p -> new ShiftmaxKernel(p);
        };
    }

    public SoftmaxConfig config() { return config; }

    public SoftmaxParams params() { return params; }

    /**
     * One row: {@code length} raw input values (two's complement integers in the input format, beat {@code b} being
     * elements {@code b·lanes .. b·lanes+lanes-1}) to {@code length} raw output probabilities.
     */
    public long[] apply(long[] rawRow) {
        return trace(rawRow).output();
    }

    /** {@link #apply} with the per-row registers (max, sum, reciprocal), for debugging the RTL. */
    public RowTrace trace(long[] rawRow) {
        check(rawRow);
        return kernel.apply(rawRow.clone());
    }

    /** ROM name to contents, e.g. {@code expHi}, {@code expLo} (EXP_TABLE) or {@code pow2Hi}, {@code pow2Lo} (BASE2); fresh copies. */
    public Map<String, long[]> tables() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        params.tables().forEach((k, v) -> copy.put(k, v.clone()));
        return copy;
    }

    /** The contents of ROM {@code name} (see {@link #tables()}); fails naming the ROMs that exist. */
    public long[] table(String name) {
        long[] t = params.tables().get(name);
        if (t == null) throw new IllegalArgumentException("no ROM '" + name + "' in " + config.algorithm() + ": ROMs are " + params.tables().keySet());
        return t;
    }

    private void check(long[] row) {
        if (row == null || row.length != config.length()) {
            throw new IllegalArgumentException("row length = " + (row == null ? "null" : row.length)
                    + " does not match the configuration: expected length = " + config.length());
        }
        long min = config.input().minRaw(), max = config.input().maxRaw();
        for (int i = 0; i < row.length; i++) {
            if (row[i] < min || row[i] > max) {
                throw new IllegalArgumentException("rawRow[" + i + "] = " + row[i] + " is out of range for input "
                        + config.input() + ": allowed " + min + ".." + max);
            }
        }
    }
}
