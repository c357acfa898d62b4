package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reciprocal's model against {@code 1/d} in double (clamped to the output range), over every input of 16-bit
 * formats and a seeded sample of wider ones. The bound the class documents: at most 1 ULP of the output when
 * {@code tableBits >= output width / 2} (a sufficient condition: narrower ranges need fewer); with fewer table bits about {@code 2^(output width - 2 tableBits - 2)} ULP.
 */
class ReciprocalTest {
    private static final long SEED = 0x1DEAL;

    /** The largest |model - 1/d| in output LSBs, over all inputs (or 2^21 seeded random ones beyond 21 bits). */
    private static double worstUlp(Reciprocal.Config c) {
        var model = new ReciprocalModel(c);
        FixFormat in = c.input();
        FixFormat out = c.output();
        Random rnd = new Random(SEED);
        boolean all = in.width() <= 21;
        long count = all ? 1L << in.width() : 1L << 21;
        double worst = 0;
        for (long i = 1; i < count; i++) {
            long d = all ? i : 1 + (long) (rnd.nextDouble() * (in.maxRaw() - 1));
            if (i < 64 && !all) d = i;                             // the smallest inputs: the largest results
            double want = Math.min(out.max(), 1 / in.toDouble(d));
            worst = Math.max(worst, Math.abs(model.applyValue(d) - want) / out.lsb());
        }
        return worst;
    }

    @ParameterizedTest(name = "{0} -> {1}, {2} table bits")
    @CsvSource({"u8.8,u8.8,8", "u1.15,u8.8,8", "u4.12,u4.12,8", "u1.15,u1.15,8", "u6.10,u1.17,9", "u8.0,u1.15,7",
            "u16.0,u1.23,12", "u12.12,u12.12,12", "u4.4,u4.4,4", "u2.0,u1.3,1", "u24.0,u1.23,12"})
    void withEnoughTableBitsTheErrorIsAtMostOneUlp(String in, String out, int tableBits) {
        var c = new Reciprocal.Config(FixFormat.parse(in), FixFormat.parse(out), tableBits);
        double worst = worstUlp(c);
        System.out.printf("Reciprocal %s -> %s, %d table bits: max error %.3f ULP (seed %d)%n", in, out, tableBits, worst, SEED);
        assertTrue(worst <= 1.0, () -> c + ": max error " + worst + " ULP (seed " + SEED + ")");
    }

    @ParameterizedTest(name = "{0} -> {1}, {2} table bits")
    @CsvSource({"u8.8,u8.8,4", "u8.8,u8.8,6", "u6.10,u1.17,5", "u6.10,u1.17,7", "u1.15,u1.15,6", "u16.0,u1.23,9"})
    void withFewerTableBitsTheErrorGrowsAsDocumented(String in, String out, int tableBits) {
        var c = new Reciprocal.Config(FixFormat.parse(in), FixFormat.parse(out), tableBits);
        double worst = worstUlp(c);
        double bound = 1.25 * Math.scalb(1.0, c.output().width() - 2 * tableBits - 2) + 1;
        System.out.printf("Reciprocal %s -> %s, %d table bits: max error %.3f ULP, bound %.1f%n", in, out, tableBits, worst, bound);
        assertTrue(worst <= bound, () -> c + ": max error " + worst + " ULP above " + bound);
    }

    @Test
    void zeroGivesTheLargestValueAndPowersOfTwoAreExact() {
        var c = new Reciprocal.Config(FixFormat.parse("u8.8"), FixFormat.parse("u8.8"), 8);
        var m = new ReciprocalModel(c);
        assertEquals(0xFFFF, m.apply(0));
        assertEquals(0xFFFF, m.apply(1));                          // 1/2^-8 = 256 is above the range
        for (int k = 2; k < 16; k++) assertEquals(Math.scalb(1.0, 8 - k), m.applyValue(1L << k), "d = 2^" + (k - 8));
    }

    @Test
    void configMessagesNameTheFieldAndRange() {
        assertEquals("input: s8.8 must be unsigned (u<I>.<F>): the reciprocal takes d >= 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new Reciprocal.Config(FixFormat.parse("s8.8"), FixFormat.parse("u8.8"), 8)).getMessage());
        assertEquals("tableBits = 8 is out of range: allowed 1..7",
                assertThrows(IllegalArgumentException.class,
                        () -> new Reciprocal.Config(FixFormat.parse("u8.0"), FixFormat.parse("u8.8"), 8)).getMessage());
        assertEquals("input width = 32 is out of range: allowed 2..24",
                assertThrows(IllegalArgumentException.class,
                        () -> new Reciprocal.Config(FixFormat.parse("u16.16"), FixFormat.parse("u8.8"), 8)).getMessage());
    }
}
