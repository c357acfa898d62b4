package dev.spindle.lib.math;

import dev.spindle.hdl.BitVector;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;

import java.math.BigInteger;
import java.util.List;

/**
 * What the math units share: SInt/UInt arithmetic chosen at run time (the units take either), pipeline registers
 * with an optional clock enable, weak names for inline logic, and saturation. Package-private.
 */
final class Ints {
    private Ints() {}

    /** {@link dev.spindle.hdl.Require#range} with the reason for the bounds appended to the message. */
    static int range(String field, int value, int min, int max, String why) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " is out of range: allowed " + min + ".." + max + " (" + why + ")");
        }
        return value;
    }

    /** The hardware type of a raw integer: SInt when signed, else UInt. */
    static HardType<BitVector<?>> type(boolean signed, int width) {
        return signed ? () -> SInt.type(width).create() : () -> UInt.type(width).create();
    }

    static boolean signed(BitVector<?> x) {
        if (x instanceof SInt) return true;
        if (x instanceof UInt) return false;
        throw new IllegalArgumentException("expected an SInt or a UInt, got Bits[" + x.width() + "]: convert with asSInt() or asUInt()");
    }

    /** All elements are SInt or all are UInt: returns which (true for signed). */
    static boolean sameSignedness(String what, List<? extends BitVector<?>> xs) {
        if (xs.isEmpty()) throw new IllegalArgumentException(what + ": needs at least one input");
        boolean s = signed(xs.getFirst());
        for (int i = 1; i < xs.size(); i++) {
            if (signed(xs.get(i)) != s) {
                throw new IllegalArgumentException(what + ": input " + i + " is " + (s ? "a UInt" : "an SInt") + " where input 0 is "
                        + (s ? "an SInt" : "a UInt") + ": all inputs must have the same signedness");
            }
        }
        return s;
    }

    static int maxWidth(List<? extends BitVector<?>> xs) {
        int w = 0;
        for (BitVector<?> x : xs) w = Math.max(w, x.width());
        return w;
    }

    /** Sign or zero extension (or truncation) to {@code width}. */
    static BitVector<?> resize(BitVector<?> x, int width) {
        return x instanceof SInt s ? s.resize(width) : ((UInt) x).resize(width);
    }

    /** {@code a + b} in max(widths) + 1 bits: cannot overflow. */
    static BitVector<?> addExpand(BitVector<?> a, BitVector<?> b) {
        return a instanceof SInt s ? s.addExpand((SInt) b) : ((UInt) a).addExpand((UInt) b);
    }

    /** {@code cond ? a : b} for two values of the same type and width. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static BitVector<?> mux(Bool cond, BitVector<?> a, BitVector<?> b) { return (BitVector<?>) Hdl.mux(cond, (BitVector) a, (BitVector) b); }

    /** {@code a > b}, signed or unsigned. */
    static Bool gt(BitVector<?> a, BitVector<?> b) {
        return a instanceof SInt s ? s.gt((SInt) b) : ((UInt) a).gt((UInt) b);
    }

    /** The full product (sum of the widths). */
    static BitVector<?> mul(BitVector<?> a, BitVector<?> b) {
        return a instanceof SInt s ? s.mul((SInt) b) : ((UInt) a).mul((UInt) b);
    }

    static BitVector<?> zero(boolean signed, int width) { return signed ? SInt.lit(0, width) : UInt.lit(0, width); }

    /**
     * {@code x} fitted into {@code width} bits: the low bits (wrap) or the nearest of the range's ends when the dropped
     * top bits are not all copies of the kept sign (signed) or not all zero (unsigned).
     */
    static BitVector<?> fit(BitVector<?> x, int width, boolean saturate) {
        if (x.width() <= width) return resize(x, width);
        if (!saturate) return resize(x, width);
        if (x instanceof SInt s) {
            SInt top = s.bits(s.width() - 1, width - 1);
            Bool fits = top.andR().or(top.orR().not());
            SInt max = SInt.lit(FixFormat.maxRaw(true, width), width);
            SInt min = SInt.lit(FixFormat.minRaw(true, width), width);
            return Hdl.mux(fits, s.bits(width - 1, 0), Hdl.mux(s.msb(), min, max));
        }
        UInt u = (UInt) x;
        Bool fits = u.bits(u.width() - 1, width).orR().not();
        return Hdl.mux(fits, u.bits(width - 1, 0), UInt.lit(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE), width));
    }

    /** A pipeline register: loads every cycle, or only while {@code enable} holds (null: always). */
    static <D extends Data> D register(D value, Bool enable, String name) {
        D r = enable == null ? Hdl.RegNext(value) : Hdl.RegNextWhen(value, enable);
        return hint(r, name);
    }

    /** {@code valid} delayed by {@code cycles} registers reset to 0, advancing while {@code enable} holds (null: always). */
    static Bool delayValid(Bool valid, int cycles, Bool enable, String name) {
        Bool v = valid;
        for (int i = 1; i <= cycles; i++) {
            Bool r = Hdl.RegInit(Bool.lit(false));
            Bool prev = v;
            if (enable == null) r.assign(prev);
            else Hdl.when(enable, () -> r.assign(prev));
            v = hint(r, name + "_" + i);
        }
        return v;
    }

    /** Names {@code d} {@code name} unless a field, the user's local or an explicit name does (a weak, derived name). */
    static <D extends Data> D hint(D d, String name) { return d.suggestName(name); }
}
