package dev.spindle.lib.math;

import dev.spindle.tools.RandomRaw;
import dev.spindle.hdl.Overflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The MAC model against dot products computed exactly (BigInteger, and double where exact): equal when the accumulator
 * is wide enough; equal modulo 2^accWidth when it wraps; clamped at the range when it saturates on a monotone sum.
 */
class MacTest {
    private static final long SEED = 0x3AC_7E57L;

    /** Runs one dot product of {@code len} through the model (clear with the first pair) and returns the accumulator. */
    private static long dot(MacModel m, Mac.Config c, long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) m.step(a[i], b[i], true, i == 0);
        for (int i = 1; i < c.latency(); i++) m.step(0, 0, false, false);   // drain the product register
        return m.acc();
    }

    /** Two vectors of raws and their dot product, exactly and in double. */
    private record Vectors(long[] a, long[] b) {
        /** {@code len} random pairs of {@code aw}- and {@code bw}-bit raws, drawn a, b, a, b, ... */
        static Vectors random(Random rnd, int len, boolean signed, int aw, int bw) {
            return draw(len, () -> RandomRaw.next(rnd, signed, aw), () -> RandomRaw.next(rnd, signed, bw));
        }

        static Vectors draw(int len, java.util.function.LongSupplier a, java.util.function.LongSupplier b) {
            Vectors v = new Vectors(new long[len], new long[len]);
            for (int i = 0; i < len; i++) {
                v.a[i] = a.getAsLong();
                v.b[i] = b.getAsLong();
            }
            return v;
        }

        BigInteger exact() {
            BigInteger sum = BigInteger.ZERO;
            for (int i = 0; i < a.length; i++) sum = sum.add(BigInteger.valueOf(a[i]).multiply(BigInteger.valueOf(b[i])));
            return sum;
        }

        double approx() {
            double sum = 0;
            for (int i = 0; i < a.length; i++) sum += (double) a[i] * b[i];
            return sum;
        }
    }

    @ParameterizedTest(name = "{0}x{1} signed={2} acc={3} registerProduct={4}")
    @CsvSource({"8,8,true,24,false", "8,8,true,24,true", "12,7,false,30,true", "1,1,true,4,false", "31,31,true,62,false", "31,31,false,62,true"})
    void wideAccumulatorGivesTheExactDotProduct(int aw, int bw, boolean signed, int acc, boolean reg) {
        int len = 1 << Math.min(8, acc - aw - bw);                 // keeps the exact sum within the accumulator
        for (Overflow o : Overflow.values()) {
            var c = new Mac.Config(aw, bw, signed, acc, o, reg);
            var m = new MacModel(c);
            Random rnd = new Random(SEED);
            for (int v = 0; v < 300; v++) {
                Vectors x = Vectors.random(rnd, len, signed, aw, bw);
                long got = dot(m, c, x.a(), x.b());
                int vector = v;
                assertEquals(x.exact().longValueExact(), got, () -> "seed " + SEED + " " + c + " vector " + vector);
                if (aw + bw + 8 <= 53) assertEquals(x.approx(), (double) got, () -> "seed " + SEED + " vector " + vector);
            }
        }
    }

    /** 300 random dot products through the model of {@code c}, each against {@code expected} of its exact sum. */
    private static void checkDots(Mac.Config c, long seed, Function<Random, Vectors> draw, Function<BigInteger, Long> expected) {
        var m = new MacModel(c);
        Random rnd = new Random(seed);
        for (int v = 0; v < 300; v++) {
            Vectors x = draw.apply(rnd);
            int vector = v;
            assertEquals((long) expected.apply(x.exact()), dot(m, c, x.a(), x.b()), () -> "seed " + seed + " " + c + " vector " + vector);
        }
    }

    @ParameterizedTest(name = "{0}x{1} signed={2} acc={3}")
    @CsvSource({"8,8,true,10", "8,8,false,9", "12,12,true,16", "5,6,false,4"})
    void wrapIsTheExactSumModuloTheWidth(int aw, int bw, boolean signed, int acc) {
        BigInteger modulus = BigInteger.ONE.shiftLeft(acc);
        checkDots(new Mac.Config(aw, bw, signed, acc, Overflow.WRAP, false), SEED + 1,
                rnd -> Vectors.random(rnd, 1 + rnd.nextInt(64), signed, aw, bw), exact -> {
                    BigInteger low = exact.mod(modulus);
                    return (signed && low.testBit(acc - 1) ? low.subtract(modulus) : low).longValueExact();
                });
    }

    @ParameterizedTest(name = "{0}x{1} signed={2} acc={3}")
    @CsvSource({"8,8,true,12", "8,8,false,12", "6,6,true,6", "10,9,false,8"})
    void saturateClampsAMonotoneSum(int aw, int bw, boolean signed, int acc) {
        checkDots(new Mac.Config(aw, bw, signed, acc, Overflow.SATURATE, true), SEED + 2, rnd -> {
            boolean up = !signed || rnd.nextBoolean();             // all products >= 0, or all <= 0
            return Vectors.draw(1 + rnd.nextInt(64), () -> Math.abs(RandomRaw.next(rnd, signed, aw) / 2),
                    () -> Math.abs(RandomRaw.next(rnd, signed, bw) / 2) * (up ? 1 : -1));
        }, exact -> Math.max(RandomRaw.min(signed, acc), Math.min(RandomRaw.max(signed, acc), exact.longValueExact())));
    }

    @Test
    void enableHoldsAndClearRestarts() {
        var m = new MacModel(new Mac.Config(8, 8, true, 20, Overflow.WRAP, false));
        assertEquals(6, m.step(2, 3, true, false));
        assertEquals(6, m.step(100, 100, false, false));          // not enabled: holds
        assertEquals(26, m.step(4, 5, true, false));
        assertEquals(0, m.step(4, 5, false, true));               // clear alone: zero
        assertEquals(-7, m.step(-7, 1, true, true));              // clear and enable: a new sum from this product
        var r = new MacModel(new Mac.Config(8, 8, true, 20, Overflow.WRAP, true));
        assertEquals(0, r.step(2, 3, true, false));               // one more cycle with the product register
        assertEquals(6, r.step(0, 0, false, false));
    }

    @Test
    void configMessagesNameTheFieldAndRange() {
        assertEquals("aWidth = 32 is out of range: allowed 1..31",
                assertThrows(IllegalArgumentException.class, () -> new Mac.Config(32, 8, true, 40, Overflow.WRAP, false)).getMessage());
        assertEquals("accWidth = 1 is out of range: allowed 2..62",
                assertThrows(IllegalArgumentException.class, () -> new Mac.Config(8, 8, true, 1, Overflow.WRAP, false)).getMessage());
        assertEquals("overflow is required",
                assertThrows(IllegalArgumentException.class, () -> new Mac.Config(8, 8, true, 20, null, false)).getMessage());
    }
}
