package dev.spindle.hdl;

/**
 * Fixed-point arithmetic on raw values in a {@code long}: the bit-exact golden model of {@link SFix} and
 * {@link UFix}, for formats of at most {@value #MAX_WIDTH} bits. It is written with integer arithmetic
 * (shifts, masks, comparisons), independently of how the hardware is built, so the two check each other.
 * The result-format rules ({@link #addFormat} ...) are the one definition the hardware types use too.
 */
public final class FixMath {
    /** The widest format whose raw values (and the sums and products of exact operations) fit a long. */
    public static final int MAX_WIDTH = 63;

    private FixMath() {}

    /** The same values in a signed format: an unsigned format gains a sign bit, {@code u4.4 -> s5.4}. */
    public static FixFormat toSigned(FixFormat f) {
        return f.signed() ? f : FixFormat.signed(f.intBits() + 1, f.fracBits());
    }

    /** Exact sum: F = max(Fa, Fb), I = max(Ia, Ib) + 1; mixed signedness first makes the unsigned side signed. */
    public static FixFormat addFormat(FixFormat a, FixFormat b) {
        if (a.signed() != b.signed()) return addFormat(toSigned(a), toSigned(b));
        return result("sum", a, b, a.signed(), Math.max(a.intBits(), b.intBits()) + 1, Math.max(a.fracBits(), b.fracBits()));
    }

    /** Exact difference, always signed: {@code u-u} needs max(Ia, Ib) + 1 bits, otherwise as {@link #addFormat} of signed operands. */
    public static FixFormat subFormat(FixFormat a, FixFormat b) {
        if (!a.signed() && !b.signed()) {
            return result("difference", a, b, true, Math.max(a.intBits(), b.intBits()) + 1, Math.max(a.fracBits(), b.fracBits()));
        }
        return addFormat(toSigned(a), toSigned(b));
    }

    /** Exact product: I = Ia + Ib, F = Fa + Fb, signed when either operand is. */
    public static FixFormat mulFormat(FixFormat a, FixFormat b) {
        return result("product", a, b, a.signed() || b.signed(), a.intBits() + b.intBits(), a.fracBits() + b.fracBits());
    }

    /** Exact negation: one more integer bit (the most negative value has no positive twin), always signed. */
    public static FixFormat negFormat(FixFormat a) { return FixFormat.signed(a.intBits() + 1, a.fracBits()); }

    /** The format of {@code x * 2^k} on the same raw bits: the binary point moves, nothing is computed. */
    public static FixFormat scaleFormat(FixFormat a, int k) { return new FixFormat(a.signed(), a.intBits() + k, a.fracBits() - k); }

    /** A result format, or an error that says which operation needs what (FixFormat allows at most 128 bits). */
    private static FixFormat result(String what, FixFormat a, FixFormat b, boolean signed, int intBits, int fracBits) {
        try {
            return new FixFormat(signed, intBits, fracBits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the exact " + what + " of " + a + " and " + b + " needs " + (signed ? "s" : "u")
                    + intBits + "." + fracBits + ": " + e.getMessage() + "; resize an operand first", e);
        }
    }

    public static long add(long a, FixFormat fa, long b, FixFormat fb) {
        FixFormat out = fits(addFormat(fa, fb));
        return align(check(a, fa), fa, out.fracBits()) + align(check(b, fb), fb, out.fracBits());
    }

    public static long sub(long a, FixFormat fa, long b, FixFormat fb) {
        FixFormat out = fits(subFormat(fa, fb));
        return align(check(a, fa), fa, out.fracBits()) - align(check(b, fb), fb, out.fracBits());
    }

    public static long mul(long a, FixFormat fa, long b, FixFormat fb) {
        fits(mulFormat(fa, fb));
        return check(a, fa) * check(b, fb);
    }

    public static long neg(long a, FixFormat fa) {
        fits(negFormat(fa));
        return -check(a, fa);
    }

    /** Compares the values (binary points aligned): negative, zero or positive as a is below, equal to or above b. */
    public static int compare(long a, FixFormat fa, long b, FixFormat fb) {
        int f = Math.max(fa.fracBits(), fb.fracBits());
        return Long.compare(align(check(a, fa), fa, f), align(check(b, fb), fb, f));
    }

    /** {@code raw} (in {@code from}) converted to {@code to}: fraction bits dropped by {@code r}, range fitted by {@code o}. */
    public static long resize(long raw, FixFormat from, FixFormat to, Rounding r, Overflow o) {
        return resize(check(raw, from), from.fracBits(), fits(to), r, o);
    }

    /** The raw value of {@code x} in format {@code to}, rounded and fitted as a resize would (exact: no double rounding). */
    public static long fromDouble(double x, FixFormat to, Rounding r, Overflow o) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("cannot convert " + x + " to " + to);
        if (x == 0) return 0;
        int e = Math.getExponent(x);                  // x = m * 2^(e-52) with m an integer of at most 53 bits
        long m = (long) Math.scalb(x, 52 - e);
        return resize(m, 52 - e, fits(to), r, o);
    }

    /** The value of a raw (rounded to the nearest double beyond 53 bits). */
    public static double toDouble(long raw, FixFormat f) { return Math.scalb((double) raw, -f.fracBits()); }

    /** The smallest and largest raw values of a format of at most 63 bits. */
    public static long minRaw(FixFormat f) { return FixFormat.minRaw(f.signed(), fits(f).width()); }

    public static long maxRaw(FixFormat f) { return FixFormat.maxRaw(f.signed(), fits(f).width()); }

    /** The core: {@code raw * 2^-fromFrac} rounded to {@code to}'s LSB, then wrapped or saturated. */
    private static long resize(long raw, int fromFrac, FixFormat to, Rounding r, Overflow o) {
        int d = to.fracBits() - fromFrac;
        if (d < 0) return fit(dropBits(raw, -d, r), true, raw, to, o);
        long v = d >= 64 ? 0 : raw << d;               // exact, or at least right modulo 2^64 (all WRAP needs)
        boolean exact = raw == 0 || (d < 64 && v >> d == raw);
        return fit(v, exact, raw, to, o);
    }

    /** {@code raw / 2^n} rounded to an integer, n >= 1. */
    private static long dropBits(long raw, int n, Rounding r) {
        // |raw| <= 2^63 <= 2^(n-1), so the quotient is in [-1/2, 1/2): FLOOR gives the sign, the others 0 (-1/2 ties to 0 both ways).
        if (n >= 64) return r == Rounding.FLOOR && raw < 0 ? -1 : 0;
        long q = raw >> n;
        long rem = raw & ((1L << n) - 1);              // raw - q * 2^n, in [0, 2^n)
        long half = 1L << (n - 1);
        return switch (r) {
            case FLOOR -> q;
            case ROUND_HALF_UP -> rem >= half ? q + 1 : q;
            case ROUND_HALF_EVEN -> rem > half || (rem == half && (q & 1) != 0) ? q + 1 : q;
        };
    }

    /** Fits {@code v} (exact, or else only right modulo 2^64 with the sign of {@code raw}) into {@code to}'s range. */
    private static long fit(long v, boolean exact, long raw, FixFormat to, Overflow o) {
        long min = minRaw(to);
        long max = maxRaw(to);
        if (o == Overflow.SATURATE) {
            if (!exact) return raw < 0 ? min : max;
            return Math.max(min, Math.min(max, v));
        }
        long low = v & ((1L << to.width()) - 1);
        return low > max ? low - (1L << to.width()) : low;
    }

    /** {@code raw * 2^(f - fa.fracBits())} for f >= the fraction bits of fa, or an ArithmeticException beyond a long. */
    private static long align(long raw, FixFormat fa, int f) {
        int d = f - fa.fracBits();
        if (raw == 0 || d == 0) return raw;
        if (d >= 63 || (raw << d) >> d != raw) {
            throw new ArithmeticException("aligning " + raw + " (" + fa + ") to " + f + " fraction bits overflows a long");
        }
        return raw << d;
    }

    private static long check(long raw, FixFormat f) {
        if (raw < minRaw(f) || raw > maxRaw(f)) {
            throw new IllegalArgumentException("raw value " + raw + " is outside " + f + ": [" + minRaw(f) + ", " + maxRaw(f) + "]");
        }
        return raw;
    }

    private static FixFormat fits(FixFormat f) {
        if (f.width() > MAX_WIDTH) {
            throw new IllegalArgumentException("FixMath handles formats up to " + MAX_WIDTH + " bits; " + f + " is " + f.width());
        }
        return f;
    }
}
