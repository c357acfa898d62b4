package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;

/**
 * Bit-exact GELU on raw values of one format (input and output share it: {@code gelu(x)} lies between
 * {@code min(x, 0) - 0.17} and {@code max(x, 0)}). Both variants compute {@code y = sat(relu(x) + h)} with
 * {@code h ≈ gelu(x) - relu(x) = -|x|·Φ(-|x|)}, which depends on {@code |x|} only:
 *
 * <ul>
 * <li>TABLE: {@code i = rsh(|x|, F - g)}, {@code g = min(F, 8)}; {@code h = T[i]} for {@code i < 4·2^g}, else 0;
 *     {@code T[j] = round_half_up(-u·Φ(-u)·2^F)}, {@code u = j·2^-g}. Bound against exact GELU:
 *     {@code LSB/2 + (F > g ? 2^-(g+2) : 0) + 1.5e-4} (table rounding, index rounding times max|h'| = 1/2, the tail
 *     beyond 4 - 2^-(g+1)).</li>
 * <li>IGELU: {@code B = round(1.769·2^F)}, {@code t = min(rsh(|x|·46341, 16), B)} (|x|/√2),
 *     {@code d = B - t}, {@code q = rsh(d²·9463, F + 16)} (0.1444·d², half of I-BERT's a = -0.2888),
 *     {@code h = -rsh(|x|·q, F)}. Bound against exact GELU: {@code 0.01816 + 3·LSB} (the polynomial's own
 *     0.01816 at x ≈ -2.35, plus three roundings), checked on every input of a format by {@code GeluModelTest}.</li>
 * </ul>
 */
public final class GeluModel {
    /** The table covers {@code |x| < RANGE}; beyond it {@code |h| < 1.5e-4}. */
    public static final int RANGE = 4;
    private final FixFormat format;
    private final GeluVariant variant;
    private final int g;
    private final long[] table;
    private final long b;

    public GeluModel(FixFormat format, GeluVariant variant) {
        if (!format.signed()) throw new IllegalArgumentException("gelu format " + format + " must be signed (s<I>.<F>)");
        if (format.fracBits() < 0 || format.width() > 32) {
            throw new IllegalArgumentException("gelu format " + format + " is out of range: allowed 0 or more fraction bits, width up to 32");
        }
        this.format = format;
        this.variant = variant;
        int f = format.fracBits();
        this.g = Math.min(f, 8);
        if (variant == GeluVariant.TABLE) {
            table = new long[RANGE << g];
            for (int j = 0; j < table.length; j++) {
                double u = Math.scalb((double) j, -g);
                table[j] = Math.round(Math.scalb(-u * phi(-u), f));
            }
        } else {
            table = null;
        }
        this.b = Math.round(1.769 * Math.scalb(1.0, f));
    }

    /** The standard normal distribution function (plain double). */
    static double phi(double x) { return 0.5 * (1 + TransformerReference.erf(x / Math.sqrt(2))); }

    public long apply(long x) {
        int f = format.fracBits();
        long ax = Math.abs(x);
        long h;
        if (variant == GeluVariant.TABLE) {
            long i = Raw.rsh(ax, f - g);
            h = i < table.length ? table[(int) i] : 0;
        } else {
            long t = Math.min(Raw.rsh(ax * 46341, 16), b);
            long d = b - t;
            long q = Raw.rsh(d * d * 9463, f + 16);
            h = -Raw.rsh(ax * q, f);
        }
        return Raw.sat(Math.max(x, 0) + h, format);
    }

    /** The stated bound against exact GELU of the (raw) input. */
    public double bound() {
        double lsb = format.lsb();
        if (variant == GeluVariant.TABLE) return lsb / 2 + (format.fracBits() > g ? Math.scalb(1.0, -(g + 2)) : 0) + 1.5e-4;
        return 0.01816 + 3 * lsb;
    }

    /** Exact GELU, {@code x·Φ(x)}, in double. */
    public static double exact(double x) { return x * phi(x); }
}
