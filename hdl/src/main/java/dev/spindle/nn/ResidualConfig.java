package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Require;

/**
 * Configuration of {@link Residual}: {@code y = sat_Y(rsh(a, Fa - Fy) + rsh(b, Fb - Fy))} on each of {@code lanes}
 * values, the residual add of a transformer block ({@code TransformerModel.residual}); formats of a, b and y.
 */
public record ResidualConfig(int lanes, FixFormat a, FixFormat b, FixFormat output) {
    public ResidualConfig {
        Require.range("lanes", lanes, 1, 4096);
        for (var f : new FixFormat[] {a, b, output}) {
            Require.nonNull("formats", f);
            Require.that(f.signed(), "formats", "a, b and output must be signed (s<I>.<F>), got " + f);
            Require.range("format width (" + f + ")", f.width(), 2, 32);
        }
    }

    /** One cycle: the join of both operands into the output register. */
    public int latency() { return 1; }
}
