package dev.spindle.nn.transformer;

import dev.spindle.hdl.FixFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both GELU variants against exact GELU on every input of a format, within the stated bound (and near it). */
class GeluModelTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TABLE, s7.10, 0.0003", "TABLE, s4.12, 0.0003", "TABLE, s5.6, 0.001", "IGELU, s7.10, 0.017", "IGELU, s4.12, 0.017", "IGELU, s5.6, 0.017"})
    void withinTheStatedBoundOnEveryInput(GeluVariant v, String format, double atLeast) {
        FixFormat f = FixFormat.parse(format);
        GeluModel m = new GeluModel(f, v);
        double worst = 0;
        for (long x = f.minRaw(); x <= f.maxRaw(); x++) {
            double exact = GeluModel.exact(f.toDouble(x));
            double got = f.toDouble(m.apply(x));
            worst = Math.max(worst, Math.abs(got - exact));
        }
        assertTrue(worst <= m.bound(), v + " " + f + ": worst " + worst + " > bound " + m.bound());
        assertTrue(worst >= atLeast, "the bound should be near the worst case: worst " + worst);
    }
}
