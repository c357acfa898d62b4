package dev.spindle.hdl;

/**
 * A fixed-point format, written {@code s<I>.<F>} (signed) or {@code u<I>.<F>} (unsigned): I integer bits
 * (the sign bit included when signed) and F fraction bits, the same as {@code ap_fixed<I+F,I>} /
 * {@code ap_ufixed<I+F,I>}. I may be negative or F negative as long as the total width is at least 1.
 * A raw value {@code r} (a two's complement integer of {@link #width()} bits when signed) stands for {@code r * 2^-F}.
 */
public record FixFormat(boolean signed, int intBits, int fracBits) {
    public FixFormat {
        Require.range("intBits", intBits, -64, 128);
        Require.range("fracBits", fracBits, -64, 128);
        Require.range("width (intBits + fracBits)", intBits + fracBits, signed ? 2 : 1, 128);
    }

    public static FixFormat signed(int intBits, int fracBits) { return new FixFormat(true, intBits, fracBits); }

    public static FixFormat unsigned(int intBits, int fracBits) { return new FixFormat(false, intBits, fracBits); }

    /** Parses {@code s6.10} or {@code u1.8}; the error names the text and the expected form. */
    public static FixFormat parse(String text) {
        if (text == null || !text.matches("[su]-?\\d+\\.-?\\d+")) {
            throw new IllegalArgumentException("fixed-point format '" + text
                    + "' is malformed: expected s<I>.<F> or u<I>.<F>, e.g. s6.10 or u1.8");
        }
        boolean signed = text.charAt(0) == 's';
        int dot = text.indexOf('.');
        return new FixFormat(signed, Integer.parseInt(text.substring(1, dot)), Integer.parseInt(text.substring(dot + 1)));
    }

    public int width() { return intBits + fracBits; }

    /** Smallest raw value (formats of at most 63 bits; wider ones: {@link FixMath}). */
    public long minRaw() { return minRaw(signed, narrow()); }

    /** Largest raw value (formats of at most 63 bits; wider ones: {@link FixMath}). */
    public long maxRaw() { return maxRaw(signed, narrow()); }

    /** Smallest value of a {@code width}-bit integer, 1..63 bits: {@code -2^(width-1)} signed, 0 unsigned. */
    public static long minRaw(boolean signed, int width) {
        Require.range("width", width, 1, 63);
        return signed ? -(1L << (width - 1)) : 0;
    }

    /** Largest value of a {@code width}-bit integer, 1..63 bits: {@code 2^(width-1) - 1} signed, {@code 2^width - 1} unsigned. */
    public static long maxRaw(boolean signed, int width) {
        Require.range("width", width, 1, 63);
        return signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
    }

    private int narrow() {
        if (width() > 63) throw new IllegalStateException(this + " is " + width() + " bits wide: raw values as long need at most 63");
        return width();
    }

    /** The weight of one LSB, {@code 2^-F}. */
    public double lsb() { return Math.scalb(1.0, -fracBits); }

    public double toDouble(long raw) { return raw * lsb(); }

    public double min() { return toDouble(minRaw()); }

    public double max() { return toDouble(maxRaw()); }

    /** The nearest raw value to {@code x} (ties towards +infinity), saturated to the format's range. */
    public long fromDouble(double x) {
        double scaled = Math.round(Math.scalb(x, fracBits));
        return Math.max(minRaw(), Math.min(maxRaw(), (long) scaled));
    }

    @Override public String toString() { return (signed ? "s" : "u") + intBits + "." + fracBits; }
}
