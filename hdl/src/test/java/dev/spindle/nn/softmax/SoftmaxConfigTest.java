package dev.spindle.nn.softmax;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxConfigTest {
    static final FixFormat S6_10 = FixFormat.parse("s6.10"), U1_8 = FixFormat.parse("u1.8");

    static SoftmaxConfig config(int length, int lanes, SoftmaxAlgorithm alg) {
        return new SoftmaxConfig(length, lanes, S6_10, U1_8, alg);
    }

    private static void failsWith(String expected, Executable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test void badShapesNameTheFieldAndRange() {
        failsWith("lanes = 0 is out of range: allowed 1..64", () -> config(64, 0, SoftmaxAlgorithm.EXP_TABLE));
        failsWith("lanes = 65 is out of range: allowed 1..64", () -> config(130, 65, SoftmaxAlgorithm.EXP_TABLE));
        failsWith("length = 0 is out of range: allowed 1..4096", () -> config(0, 1, SoftmaxAlgorithm.EXP_TABLE));
        failsWith("length = 10 must be a multiple of lanes = 4", () -> config(10, 4, SoftmaxAlgorithm.EXP_TABLE));
        failsWith("allowed lanes for length 10: 1, 2, 5, 10", () -> config(10, 4, SoftmaxAlgorithm.EXP_TABLE));
        failsWith("allowed lanes for length 197: 1", () -> config(197, 8, SoftmaxAlgorithm.BASE2));
    }

    @Test void badFormatsNameTheFieldAndMinimum() {
        failsWith("output.fracBits = 2 (output = u1.2) is out of range: allowed 4..16",
                () -> new SoftmaxConfig(8, 1, S6_10, FixFormat.parse("u1.2"), SoftmaxAlgorithm.EXP_TABLE));
        failsWith("output.fracBits = 20 (output = u1.20) is out of range: allowed 4..16",
                () -> new SoftmaxConfig(8, 1, S6_10, FixFormat.parse("u1.20"), SoftmaxAlgorithm.EXP_TABLE));
        failsWith("output.intBits = 0 (output = u0.8) cannot hold probability 1.0: allowed 1 or more",
                () -> new SoftmaxConfig(8, 1, S6_10, FixFormat.parse("u0.8"), SoftmaxAlgorithm.SHIFTMAX));
        failsWith("output.intBits = 1 (output = s1.8) cannot hold probability 1.0: allowed 2 or more",
                () -> new SoftmaxConfig(8, 1, S6_10, FixFormat.parse("s1.8"), SoftmaxAlgorithm.SHIFTMAX));
        failsWith("input.fracBits = 20 is out of range: allowed 0..16",
                () -> new SoftmaxConfig(8, 1, FixFormat.parse("s4.20"), U1_8, SoftmaxAlgorithm.BASE2));
        failsWith("input width (input.intBits + input.fracBits) = 28 is out of range: allowed 2..24",
                () -> new SoftmaxConfig(8, 1, FixFormat.parse("s16.12"), U1_8, SoftmaxAlgorithm.BASE2));
        failsWith("input is required", () -> new SoftmaxConfig(8, 1, null, U1_8, SoftmaxAlgorithm.BASE2));
        failsWith("algorithm is required", () -> new SoftmaxConfig(8, 1, S6_10, U1_8, null));
    }

    /** The derived parameters of the reference configuration (64, 4, s6.10, u1.8), as reported in docs/softmax.md. */
    @Test void derivedParametersOfTheReferenceConfig() {
        ExpTableParams e = (ExpTableParams) config(64, 4, SoftmaxAlgorithm.EXP_TABLE).params();
        assertEquals(new ExpTableParams(e.config(), 18, 19, 14, 10, 14, 7, 7, 13, 25), e);
        assertEquals(55, e.latency());
        Base2Params b = (Base2Params) config(64, 4, SoftmaxAlgorithm.BASE2).params();
        assertEquals(new Base2Params(b.config(), 16, 94548, 12, 14, 6, 6, 16, 16, 16, 21, 13, 28), b);
        assertEquals(40, b.latency());
        ShiftmaxParams s = (ShiftmaxParams) config(64, 4, SoftmaxAlgorithm.SHIFTMAX).params();
        assertEquals(new ShiftmaxParams(s.config(), 16, 33, 23), s);
        assertEquals(53, s.latency());
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values()) System.out.print(config(64, 4, alg).params().describe());
    }

    @Test void exp_tableBoundMeetsTheAcceptanceLimit() {
        for (int length : new int[] {1, 8, 64, 197, 4096}) {
            SoftmaxParams p = new SoftmaxConfig(length, 1, S6_10, U1_8, SoftmaxAlgorithm.EXP_TABLE).params();
            assertTrue(p.errorBound() <= Math.scalb(1.0, -8), "EXP_TABLE u1.8 bound must be <= 1 LSB");
        }
    }

    @Test void widestConfigurationsStayWithin48BitAccumulators() {
        for (SoftmaxAlgorithm alg : SoftmaxAlgorithm.values()) {
            SoftmaxConfig c = new SoftmaxConfig(4096, 64, FixFormat.parse("s8.16"), FixFormat.parse("u1.16"), alg);
            SoftmaxParams p = c.params();
            int width = switch (p) {
                case ExpTableParams e -> e.sumWidth();
                case Base2Params b -> b.sumWidth();
                case ShiftmaxParams s -> s.sumWidth();
            };
            assertTrue(width <= 48, alg + " sum width " + width);
        }
    }
}
