package dev.spindle.hdl.fix;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Rounding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Random;

import static dev.spindle.hdl.fix.FixSamples.SEED;
import static dev.spindle.hdl.fix.FixSamples.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** FixMath, the golden model, against BigDecimal (any format) and plain double math (small formats). */
class FixMathTest {
    @Test
    void resizeMatchesBigDecimalInEveryMode() {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            // fraction bits far apart too, so whole words of bits are dropped or appended
            FixFormat from = FixSamples.format(rnd, 62, -40, 100);
            FixFormat to = FixSamples.format(rnd, 62, -40, 100);
            long raw = FixSamples.raw(rnd, from);
            for (Rounding r : Rounding.values()) {
                for (Overflow o : Overflow.values()) {
                    long want = FixSamples.reference(value(raw, from.fracBits()), to, r, o);
                    int n = i;
                    assertEquals(want, FixMath.resize(raw, from, to, r, o),
                            () -> "seed " + SEED + " case " + n + ": resize " + raw + " " + from + " -> " + to + " " + r + " " + o);
                }
            }
        }
    }

    @Test
    void resizeMatchesDoubleMathOnSmallFormats() {
        Random rnd = new Random(SEED + 1);
        for (int i = 0; i < 20_000; i++) {
            FixFormat from = FixSamples.format(rnd, 20, -6, 20);
            FixFormat to = FixSamples.format(rnd, 20, -6, 20);
            long raw = FixSamples.raw(rnd, from);
            double units = Math.scalb((double) raw, to.fracBits() - from.fracBits());   // exact: few bits
            for (Rounding r : Rounding.values()) {
                double rounded = switch (r) {
                    case FLOOR -> Math.floor(units);
                    case ROUND_HALF_UP -> Math.floor(units + 0.5);
                    case ROUND_HALF_EVEN -> Math.rint(units);
                };
                long span = 1L << to.width();
                long sat = (long) Math.max(FixMath.minRaw(to), Math.min(FixMath.maxRaw(to), rounded));
                long low = Math.floorMod((long) rounded, span);
                long wrap = low > FixMath.maxRaw(to) ? low - span : low;
                int n = i;
                assertEquals(sat, FixMath.resize(raw, from, to, r, Overflow.SATURATE),
                        () -> "seed " + (SEED + 1) + " case " + n + ": " + raw + " " + from + " -> " + to + " " + r + " SATURATE");
                assertEquals(wrap, FixMath.resize(raw, from, to, r, Overflow.WRAP),
                        () -> "seed " + (SEED + 1) + " case " + n + ": " + raw + " " + from + " -> " + to + " " + r + " WRAP");
            }
        }
    }

    @Test
    void exactOperationsAreExactAndFitTheirFormats() {
        Random rnd = new Random(SEED + 2);
        int checked = 0;
        for (int i = 0; i < 10_000; i++) {
            FixFormat fa = FixSamples.format(rnd, 30, -8, 30);
            FixFormat fb = FixSamples.format(rnd, 30, -8, 30);
            long a = FixSamples.raw(rnd, fa);
            long b = FixSamples.raw(rnd, fb);
            BigDecimal va = value(a, fa.fracBits());
            BigDecimal vb = value(b, fb.fracBits());
            String where = "seed " + (SEED + 2) + " case " + i + ": " + a + " (" + fa + "), " + b + " (" + fb + ")";
            checked += exact(where + " add", FixMath.addFormat(fa, fb), va.add(vb), () -> FixMath.add(a, fa, b, fb));
            checked += exact(where + " sub", FixMath.subFormat(fa, fb), va.subtract(vb), () -> FixMath.sub(a, fa, b, fb));
            checked += exact(where + " mul", FixMath.mulFormat(fa, fb), va.multiply(vb), () -> FixMath.mul(a, fa, b, fb));
            checked += exact(where + " neg", FixMath.negFormat(fa), va.negate(), () -> FixMath.neg(a, fa));
            if (Math.abs(fa.fracBits() - fb.fracBits()) + Math.max(fa.width(), fb.width()) < 63) {
                assertEquals(Integer.signum(va.compareTo(vb)), Integer.signum(FixMath.compare(a, fa, b, fb)), where + " compare");
            }
        }
        assertTrue(checked > 25_000, "too few cases fitted in 63 bits: " + checked);
    }

    /** Checks one exact result; 1 if checked, 0 if its format is too wide for a long (then FixMath must refuse it). */
    private static int exact(String where, FixFormat out, BigDecimal want, java.util.function.LongSupplier op) {
        if (out.width() > FixMath.MAX_WIDTH) {
            assertThrows(IllegalArgumentException.class, op::getAsLong, where);
            return 0;
        }
        long raw = op.getAsLong();
        assertTrue(raw >= FixMath.minRaw(out) && raw <= FixMath.maxRaw(out), () -> where + ": " + raw + " outside " + out);
        assertEquals(0, want.compareTo(value(raw, out.fracBits())), () -> where + ": got " + value(raw, out.fracBits()) + " in " + out + ", want " + want);
        return 1;
    }

    @Test
    void fromDoubleRoundsTheExactBinaryValue() {
        Random rnd = new Random(SEED + 3);
        for (int i = 0; i < 10_000; i++) {
            FixFormat to = FixSamples.format(rnd, 62, -40, 100);
            double x = switch (rnd.nextInt(4)) {
                case 0 -> Math.scalb(rnd.nextGaussian(), rnd.nextInt(-120, 120));
                case 1 -> Math.scalb((double) rnd.nextInt(-64, 64), -to.fracBits() - 1);        // ties in the target
                case 2 -> Double.MIN_VALUE * rnd.nextInt(-1000, 1000);                          // subnormals
                default -> rnd.nextDouble(-1e300, 1e300);
            };
            for (Rounding r : Rounding.values()) {
                for (Overflow o : Overflow.values()) {
                    int n = i;
                    assertEquals(FixSamples.reference(new BigDecimal(x), to, r, o), FixMath.fromDouble(x, to, r, o),
                            () -> "seed " + (SEED + 3) + " case " + n + ": " + x + " -> " + to + " " + r + " " + o);
                }
            }
        }
    }

    @Test
    void rejectsValuesOutsideTheirFormatAndFormatsBeyondALong() {
        FixFormat s44 = FixFormat.parse("s4.4");
        var e = assertThrows(IllegalArgumentException.class, () -> FixMath.resize(128, s44, s44, Rounding.FLOOR, Overflow.WRAP));
        assertTrue(e.getMessage().contains("[-128, 127]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FixMath.maxRaw(FixFormat.parse("u40.24")));
        assertEquals(-1, FixMath.resize(-1, s44, FixFormat.parse("s44.-40"), Rounding.FLOOR, Overflow.WRAP));
    }
}
