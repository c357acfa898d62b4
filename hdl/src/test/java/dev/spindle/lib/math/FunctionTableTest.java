package dev.spindle.lib.math;

import dev.spindle.hdl.FixFormat;
import dev.spindle.lib.math.FunctionTable.Config;
import dev.spindle.lib.math.FunctionTable.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Function tables: the contents the generator writes into the ROM equal those the model derives on its own, and the
 * model stays within its stated bound of {@code f}: half an output LSB at the sample points, plus how much {@code f}
 * moves across the inputs that share an entry (the functions here are monotone, so that is the spread of f at the
 * interval's ends). Every input value of every table is checked.
 */
class FunctionTableTest {
    private static FixFormat f(String s) { return FixFormat.parse(s); }

    private static Config table(String name, DoubleUnaryOperator fn, String in, int indexBits, String out, Sample sample) {
        return new Config(name, fn, f(in), indexBits, f(out), sample);
    }

    static List<Arguments> tables() {
        DoubleUnaryOperator sigmoid = x -> 1 / (1 + Math.exp(-x));
        return List.of(
                Arguments.of(new Config("exp", Math::exp, f("s4.6"), f("u1.10"))),                             // full index, exp(x>=0.7) saturates
                Arguments.of(table("expNeg", Math::exp, "s6.10", 10, "u1.17", Sample.MIDDLE)),                    // hls4ml-like
                Arguments.of(table("expStart", Math::exp, "s6.10", 10, "u1.17", Sample.START)),
                Arguments.of(table("recip", x -> 1 / x, "u4.8", 8, "u8.8", Sample.START)),                       // 1/0 = +inf saturates
                Arguments.of(table("recipMid", x -> 1 / (1 + x), "u0.15", 7, "u0.10", Sample.MIDDLE)),
                Arguments.of(table("tanh", Math::tanh, "s3.9", 9, "s1.10", Sample.MIDDLE)),
                Arguments.of(table("sigmoid", sigmoid, "s5.11", 12, "u0.16", Sample.MIDDLE)),
                Arguments.of(table("log", Math::log, "u2.10", 12, "s4.12", Sample.START)),                       // log 0 = -inf saturates
                Arguments.of(table("sqrt", Math::sqrt, "u-2.14", 6, "u0.8", Sample.MIDDLE)),                     // negative integer bits
                Arguments.of(table("negExp", x -> -Math.exp(x), "s2.4", 6, "s3.-1", Sample.MIDDLE)));            // negative fraction bits
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void generatorContentsEqualTheModelsTable(Config c) {
        assertArrayEquals(new FunctionTableModel(c).table(), FunctionTable.contents(c), c.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    void modelIsWithinHalfAnLsbPlusTheSpreadOfF(Config c) {
        var model = new FunctionTableModel(c);
        FixFormat in = c.input();
        FixFormat out = c.output();
        int s = c.droppedBits();
        double worstUlp = 0;
        double worstBeyondSpread = 0;
        for (long x = in.minRaw(); x <= in.maxRaw(); x++) {
            long first = Math.floorDiv(x, 1L << s) << s;
            double lo = c.f().applyAsDouble(first * in.lsb());
            double hi = c.f().applyAsDouble((first + (1L << s) - 1) * in.lsb());
            double exact = c.f().applyAsDouble(x * in.lsb());
            double got = model.applyValue(x);
            double clamped = Math.max(out.min(), Math.min(out.max(), exact));
            double spread = Math.abs(Math.max(Math.min(hi, out.max()), out.min()) - Math.max(Math.min(lo, out.max()), out.min()));
            double err = Math.abs(got - clamped);
            long xx = x;
            assertTrue(err <= out.lsb() / 2 + spread + 1e-12 * Math.abs(exact),
                    () -> c + ": x = " + in.toDouble(xx) + " gives " + got + ", f = " + exact + ", error " + err / out.lsb() + " LSB, spread "
                            + spread / out.lsb() + " LSB");
            if (s == 0) assertTrue(err <= out.lsb() / 2, () -> c + ": x = " + in.toDouble(xx) + " error " + err / out.lsb() + " LSB at a sample point");
            worstUlp = Math.max(worstUlp, err / out.lsb());
            worstBeyondSpread = Math.max(worstBeyondSpread, (err - spread) / out.lsb());
        }
        System.out.printf("FunctionTable %s: max |table - f| = %.3f LSB over all %d inputs, at most %.3f LSB beyond the spread of f%n",
                c, worstUlp, 1L << in.width(), worstBeyondSpread);
    }

    @Test
    void samplePointsAreTheStartOrTheMiddleOfTheirInterval() {
        Config mid = table("t", x -> x, "s2.2", 2, "s4.4", Sample.MIDDLE);       // raw -8..7, 4 entries of 4 inputs
        Config start = table("t", x -> x, "s2.2", 2, "s4.4", Sample.START);
        // address 2 holds top value -2: raw inputs -8..-5, i.e. -2.0..-1.25
        assertEquals(-2.0, FunctionTable.samplePoint(start, 2));
        assertEquals(-1.625, FunctionTable.samplePoint(mid, 2));
        assertEquals(1.375, FunctionTable.samplePoint(mid, 1));
        assertArrayEquals(new long[] {6, 22, -26, -10}, FunctionTable.contents(mid));   // x * 16, address order
    }

    @Test
    void errorsNameTheFieldOrTheEntry() {
        assertEquals("indexBits = 9 is out of range: allowed 1..8",
                assertThrows(IllegalArgumentException.class, () -> table("t", x -> x, "u4.4", 9, "u4.4", Sample.START)).getMessage());
        assertEquals("name: 'a b' must be an identifier (letters, digits, _)",
                assertThrows(IllegalArgumentException.class, () -> table("a b", x -> x, "u4.4", 4, "u4.4", Sample.START)).getMessage());
        assertEquals("FunctionTable sqrtNeg: f(-8.0) is NaN (entry 8)",
                assertThrows(IllegalArgumentException.class, () -> FunctionTable.contents(table("sqrtNeg", Math::sqrt, "s4.0", 4, "u4.4", Sample.START))).getMessage());
        assertEquals("FunctionTable.Config[name=exp, input=s6.10, indexBits=10, output=u1.17, sample=MIDDLE]",
                table("exp", Math::exp, "s6.10", 10, "u1.17", Sample.MIDDLE).toString());
    }
}
