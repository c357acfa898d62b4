package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;

import java.math.BigInteger;
import java.util.Random;

/** One port: a Bool, an integer up to 64 bits (Long), a wider one (BigInteger), or a fixed-point real (Double). */
abstract class LeafCodec<V> extends Codec<V> {
    final int width;

    private LeafCodec(String type, int width) {
        super(type, new int[] {width});
        this.width = width;
    }

    static Codec<?> of(BaseType leaf, boolean real) {
        if (real) return realOf(leaf);
        int w = leaf.width();
        return switch (leaf) {
            case Bool b -> new BoolCodec();
            case UInt u -> w <= 64 ? new LongCodec(w, false) : new BigCodec(w, false);
            case Bits b -> w <= 64 ? new LongCodec(w, false) : new BigCodec(w, false);
            case SInt s -> w <= 64 ? new LongCodec(w, true) : new BigCodec(w, true);
            case SFix f -> w <= 64 ? new LongCodec(w, true) : new BigCodec(w, true);
            case UFix f -> w <= 64 ? new LongCodec(w, false) : new BigCodec(w, false);
            default -> throw new IllegalArgumentException("no codec for " + leaf.getClass().getSimpleName());
        };
    }

    static Codec<BigInteger> bigOf(BaseType leaf) {
        boolean signed = switch (leaf) {
            case SInt s -> true;
            case SFix f -> true;
            case UInt u -> false;
            case Bits b -> false;
            case UFix f -> false;
            default -> throw new IllegalArgumentException("a BigInteger needs an integer or fixed-point leaf, not a " + leaf.getClass().getSimpleName());
        };
        return new BigCodec(leaf.width(), signed);
    }

    static Codec<Double> realOf(BaseType fix) {
        FixFormat f = switch (fix) {
            case SFix s -> s.format();
            case UFix u -> u.format();
            default -> throw new IllegalArgumentException("a real value needs an SFix or UFix, not a " + fix.getClass().getSimpleName());
        };
        return new RealCodec(f);
    }

    /** {@code width} random bits (at most 64), sign-extended when {@code signed}. */
    static long randomBits(Random r, int width, boolean signed) {
        long bits = width == 64 ? r.nextLong() : r.nextLong() & ((1L << width) - 1);
        return extend(bits, width, signed);
    }

    /** Sign-extends the low {@code width} bits of {@code bits} when {@code signed}. */
    static long extend(long bits, int width, boolean signed) {
        return signed && width < 64 ? (bits << (64 - width)) >> (64 - width) : bits;
    }

    /** Fails unless {@code v} fits {@code width} bits (as a two's complement number when {@code signed}). */
    static void checkRange(long v, int width, boolean signed, String port) {
        if (width >= 64) return;
        long lo = signed ? -(1L << (width - 1)) : 0;
        long hi = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        if (v < lo || v > hi) {
            throw new IllegalArgumentException(port + ": " + v + " is out of range for " + width + " bits"
                    + (signed ? " signed" : "") + ": allowed " + lo + " to " + hi);
        }
    }

    static final class BoolCodec extends LeafCodec<Boolean> {
        BoolCodec() { super("Boolean", 1); }

        @Override void check(Object v, SimPort[] p, int at) { if (!(v instanceof Boolean)) throw wrongType(v, p, at); }

        @Override void write(Boolean v, SimPort[] p, int at) { p[at].setRaw(v ? 1 : 0); }

        @Override Boolean read(SimPort[] p, int at) { return p[at].raw() != 0; }

        @Override boolean matches(Boolean v, SimPort[] p, int at) { return v != null && v == (p[at].raw() != 0); }

        @Override public Boolean random(Random r) { return r.nextBoolean(); }
    }

    static final class LongCodec extends LeafCodec<Long> {
        final boolean signed;

        LongCodec(int width, boolean signed) {
            super("Long", width);
            this.signed = signed;
        }

        @Override void check(Object v, SimPort[] p, int at) {
            if (!(v instanceof Long l)) throw wrongType(v, p, at);
            checkRange(l, width, signed, p[at].name());
        }

        @Override void write(Long v, SimPort[] p, int at) { p[at].setRaw(v); }

        @Override Long read(SimPort[] p, int at) { return extend(p[at].raw(), width, signed); }

        @Override boolean matches(Long v, SimPort[] p, int at) { return v != null && v == extend(p[at].raw(), width, signed); }

        @Override public Long random(Random r) { return randomBits(r, width, signed); }
    }

    static final class BigCodec extends LeafCodec<BigInteger> {
        final boolean signed;
        final BigInteger modulus;

        BigCodec(int width, boolean signed) {
            super("BigInteger", width);
            this.signed = signed;
            this.modulus = BigInteger.ONE.shiftLeft(width);
        }

        @Override void check(Object v, SimPort[] p, int at) {
            if (!(v instanceof BigInteger b)) throw wrongType(v, p, at);
            int bits = b.bitLength() + (signed ? 1 : 0);
            if ((!signed && b.signum() < 0) || bits > width) {
                throw new IllegalArgumentException(p[at].name() + ": " + b + " is out of range for " + width + " bits" + (signed ? " signed" : ""));
            }
        }

        @Override void write(BigInteger v, SimPort[] p, int at) { p[at].setBig(v.mod(modulus)); }

        @Override public BigInteger random(Random r) {
            BigInteger v = new BigInteger(width, r);
            return signed && v.testBit(width - 1) ? v.subtract(modulus) : v;
        }

        @Override BigInteger read(SimPort[] p, int at) {
            BigInteger v = p[at].big();
            return signed && v.testBit(width - 1) ? v.subtract(modulus) : v;
        }
    }

    static final class RealCodec extends LeafCodec<Double> {
        final FixFormat format;

        RealCodec(FixFormat format) {
            super("Double", format.width());
            this.format = format;
        }

        @Override void check(Object v, SimPort[] p, int at) { if (!(v instanceof Double)) throw wrongType(v, p, at); }

        @Override void write(Double v, SimPort[] p, int at) { p[at].setRaw(format.fromDouble(v)); }

        @Override Double read(SimPort[] p, int at) { return format.toDouble(extend(p[at].raw(), width, format.signed())); }

        @Override public Double random(Random r) { return format.toDouble(randomBits(r, width, format.signed())); }
    }
}
