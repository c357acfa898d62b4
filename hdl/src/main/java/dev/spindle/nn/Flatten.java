package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;

/**
 * Flatten (docs/transformer.md, "Flatten"): collects {@code tokens} beats of {@code io_input} into one beat of
 * {@code io_output}, value {@code token·features + feature}. The unit counts the tokens itself.
 *
 * <p><b>Latency</b> 1 cycle from the last token's acceptance; a token a cycle. While the vector waits at the output no
 * token is taken, except in the cycle it leaves (the next sample's first token then goes straight in).
 */
public final class Flatten extends ConfiguredComponent<FlattenConfig> {
    public final LanesIo io;

    public Flatten(FlattenConfig c) {
        super(c);
        io = new LanesIo(c.width(), c.features(), c.width(), c.tokens() * c.features());
        int n = c.tokens();
        Bool full = RegInit(False());
        UInt token = RegInit(UInt.lit(0, log2Up(n)));
        io.input.ready.assign(full.not().or(io.output.ready));
        Bool take = io.input.fire();
        Bool lastToken = token.eq(n - 1);
        when(take, () -> token.assign(mux(lastToken, UInt.lit(0, token.width()), token.add(1))));
        when(take.and(lastToken), () -> full.assign(True())).elseWhen(io.output.fire(), () -> full.assign(False()));
        Vec<SInt> held = Reg(Vec.type(SInt.type(c.width()), n * c.features())).named("vector");
        for (int t = 0; t < n; t++) {
            int base = t * c.features();
            Bool here = n == 1 ? take : take.and(token.eq(t));
            when(here, () -> {
                for (int f = 0; f < c.features(); f++) held.get(base + f).assign(io.input.payload.get(f));
            });
        }
        io.output.valid.assign(full);
        for (int i = 0; i < n * c.features(); i++) io.output.payload.get(i).assign(held.get(i));
    }
}
