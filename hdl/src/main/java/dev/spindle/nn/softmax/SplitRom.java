package dev.spindle.nn.softmax;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import static dev.spindle.nn.softmax.SoftmaxMath.roundShr;

/**
 * An exponential of an index read from two ROMs, as EXP_TABLE ({@code e^-d}) and BASE2 ({@code 2^-j}) both do: for an
 * index of {@code g} fraction bits split as {@code j = (h << loBits) + l}, {@code f(j·2^-g) = f(h·2^(loBits-g)) ·
 * f(l·2^-g)}, so a hi ROM of {@code 2^hiBits} words with {@code a} fraction bits and a lo ROM of {@code 2^loBits}
 * words with {@code b} fraction bits, multiplied and rounded right by {@code shift}, stand for one table of
 * {@code 2^(hiBits+loBits)} words. Without a lo ROM ({@code loBits = 0}) it is {@code [1]} and the hi ROM is the table.
 *
 * @param name the ROMs' names are {@code <name>Hi} and {@code <name>Lo} ({@link SoftmaxParams#tables()}, describe)
 */
record SplitRom(String name, int hiBits, int loBits, int a, int b, int shift, long[] hi, long[] lo) {

    /** The ROMs of the exponential {@code f} (f(0) = 1, decreasing) for an index of {@code g} fraction bits. */
    static SplitRom of(String name, DoubleUnaryOperator f, int g, int hiBits, int loBits, int a, int b, int shift) {
        return new SplitRom(name, hiBits, loBits, a, b, shift, table(f, hiBits, loBits - g, a), table(f, loBits, -g, b));
    }

    /** {@code 2^bits} entries, entry {@code i} is {@code round(f(i·2^step) · 2^frac)}. */
    private static long[] table(DoubleUnaryOperator f, int bits, int step, int frac) {
        long[] t = new long[1 << bits];
        for (int i = 0; i < t.length; i++) t[i] = Math.round(Math.scalb(f.applyAsDouble(Math.scalb((double) i, step)), frac));
        return t;
    }

    /** {@code f(j·2^-g)}: the two words' product rounded right by {@code shift}, as the hardware computes it. */
    long read(long j) { return roundShr(hi[(int) (j >> loBits)] * lo[(int) (j & ((1L << loBits) - 1))], shift); }

    /** {@code <name>Hi}, then {@code <name>Lo} when there is a lo ROM. */
    Map<String, long[]> tables() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(name + "Hi", hi);
        if (loBits > 0) m.put(name + "Lo", lo);
        return m;
    }

    /** The ROMs' line of {@link SoftmaxParams#describe()}. */
    String describe() {
        return String.format("  ROM %sHi: %d x %d bits (a = %d)%s%n", name, 1 << hiBits, a + 1, a,
                loBits > 0 ? String.format(", ROM %sLo: %d x %d bits (b = %d)", name, 1 << loBits, b + 1, b) : "");
    }
}
