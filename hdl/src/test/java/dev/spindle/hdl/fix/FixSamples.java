package dev.spindle.hdl.fix;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Rounding;
import dev.spindle.tools.RandomRaw;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Random;

/** Random formats and raw values for the fixed-point tests, and the BigDecimal reference they are checked against. */
final class FixSamples {
    /** The seed of every random choice; override with -Dspindle.seed=N to replay a failure. */
    static final long SEED = Long.getLong("spindle.seed", 0x5F1DL);

    private FixSamples() {}

    /** A format of at most {@code maxWidth} bits with fraction bits in [minFrac, maxFrac] (either may be negative). */
    static FixFormat format(Random rnd, int maxWidth, int minFrac, int maxFrac) {
        while (true) {
            boolean signed = rnd.nextBoolean();
            int w = (signed ? 2 : 1) + rnd.nextInt(maxWidth - (signed ? 1 : 0));
            int f = minFrac + rnd.nextInt(maxFrac - minFrac + 1);
            if (w - f >= -64 && w - f <= 128) return new FixFormat(signed, w - f, f);
        }
    }

    /** A raw value of {@code f}: corners and exact ties often (see {@link RandomRaw#withTies}). */
    static long raw(Random rnd, FixFormat f) { return RandomRaw.withTies(rnd, f); }

    /** {@code raw * 2^-fracBits}, exactly. */
    static BigDecimal value(long raw, int fracBits) { return new BigDecimal(BigInteger.valueOf(raw)).multiply(pow2(-fracBits)); }

    /** 2^k exactly (5^-k / 10^-k for negative k). */
    static BigDecimal pow2(int k) {
        return k >= 0 ? new BigDecimal(BigInteger.ONE.shiftLeft(k)) : new BigDecimal(BigInteger.valueOf(5).pow(-k), -k);
    }

    /** The raw of {@code exact} in {@code to}, rounded and fitted with BigDecimal's own rounding and BigInteger arithmetic. */
    static long reference(BigDecimal exact, FixFormat to, Rounding r, Overflow o) {
        BigDecimal units = exact.multiply(pow2(to.fracBits()));
        BigInteger q = (switch (r) {
            case FLOOR -> units.setScale(0, RoundingMode.FLOOR);
            case ROUND_HALF_UP -> units.add(new BigDecimal("0.5")).setScale(0, RoundingMode.FLOOR);
            case ROUND_HALF_EVEN -> units.setScale(0, RoundingMode.HALF_EVEN);
        }).toBigIntegerExact();
        BigInteger span = BigInteger.ONE.shiftLeft(to.width());
        BigInteger min = BigInteger.valueOf(FixMath.minRaw(to));
        BigInteger max = BigInteger.valueOf(FixMath.maxRaw(to));
        if (o == Overflow.SATURATE) return q.max(min).min(max).longValueExact();
        q = q.mod(span);
        return (q.compareTo(max) > 0 ? q.subtract(span) : q).longValueExact();
    }
}
