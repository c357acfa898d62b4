package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact model of {@link FunctionTable}: builds the same table from the definition (the sample point of each entry,
 * {@code f} there, rounded half up and clamped to the output range), independently of
 * {@link FunctionTable#contents}, and looks the input up in it. The output of input x is {@link #apply} of x one cycle
 * later. Error bound against {@code f(x)}: half an output LSB at the sample points (unless saturated), plus how much
 * {@code f} varies over the inputs that share an entry elsewhere.
 */
public final class FunctionTableModel {
    private final FunctionTable.Config config;
    private final long[] table;

    public FunctionTableModel(FunctionTable.Config config) {
        this.config = config;
        FixFormat in = config.input();
        int s = config.droppedBits();
        table = new long[config.depth()];
        for (int i = 0; i < table.length; i++) {
            long first = topValue(i) * (1L << s);                     // the smallest raw input with these top bits
            long last = first + (1L << s) - 1;
            double x = config.sample() == FunctionTable.Sample.START
                    ? first * in.lsb() : (first * in.lsb() + last * in.lsb()) / 2;
            table[i] = quantize(config.f().applyAsDouble(x), x, i);
        }
    }

    /** The raw output (a signed value when the output format is signed) for a raw input. */
    public long apply(long xRaw) {
        FixFormat in = config.input();
        long min = in.minRaw();
        long max = in.maxRaw();
        if (xRaw < min || xRaw > max) throw new IllegalArgumentException("x = " + xRaw + " is outside " + in + ": [" + min + ", " + max + "]");
        long top = Math.floorDiv(xRaw, 1L << config.droppedBits());
        int address = (int) (top & (config.depth() - 1));
        return table[address];
    }

    /** The real value of {@link #apply}. */
    public double applyValue(long xRaw) { return apply(xRaw) * config.output().lsb(); }

    /** A copy of the table, raw values by address. */
    public long[] table() { return table.clone(); }

    private long topValue(int address) {
        int b = config.indexBits();
        boolean negative = config.input().signed() && (address >> (b - 1)) == 1;
        return negative ? address - (1L << b) : address;
    }

    private long quantize(double v, double x, int entry) {
        FixFormat out = config.output();
        if (Double.isNaN(v)) throw new IllegalArgumentException("FunctionTable " + config.name() + ": f(" + x + ") is NaN (entry " + entry + ")");
        long min = out.minRaw();
        long max = out.maxRaw();
        double r = Math.floor(v * Math.pow(2, out.fracBits()) + 0.5);
        if (r <= min) return min;
        if (r >= max) return max;
        return (long) r;
    }
}
