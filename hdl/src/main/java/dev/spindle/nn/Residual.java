package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.OutputStage;
import dev.spindle.lib.stream.Stream;

/**
 * The residual add with saturation (docs/transformer.md, "Residual"): beat i of {@code io_a} plus beat i of
 * {@code io_b}, each operand rounded half up to the output's fraction bits, the sum saturated; bit for bit
 * {@code TransformerModel.residual}.
 *
 * <p>Ports: {@code io_a}, {@code io_b}, {@code io_output}: Streams of a Vec of {@code lanes} raw SInt values. Both
 * inputs are taken in the same cycle (a join). <b>Latency</b> 1 cycle, one beat a cycle.
 */
public final class Residual extends ConfiguredComponent<ResidualConfig> {
    public static final class Io extends Bundle {
        public final Stream<Vec<SInt>> a;
        public final Stream<Vec<SInt>> b;
        public final Stream<Vec<SInt>> output;

        Io(ResidualConfig c) {
            a = slave(new Stream<>(Vec.type(SInt.type(c.a().width()), c.lanes())));
            b = slave(new Stream<>(Vec.type(SInt.type(c.b().width()), c.lanes())));
            output = master(new Stream<>(Vec.type(SInt.type(c.output().width()), c.lanes())));
        }
    }

    public final Io io;

    public Residual(ResidualConfig c) {
        super(c);
        io = new Io(c);
        OutputStage out = new OutputStage(io.output);
        Bool ce = out.enable();
        Bool take = io.a.valid.and(io.b.valid).and(ce);
        io.a.ready.assign(take);
        io.b.ready.assign(take);
        out.drive(take);
        int fy = c.output().fracBits();
        for (int i = 0; i < c.lanes(); i++) {
            SInt sa = align(io.a.payload.get(i), c.a(), fy);
            SInt sb = align(io.b.payload.get(i), c.b(), fy);
            SInt sum = Linear.saturate(sa.addExpand(sb), c.output());
            SInt y = Reg(SInt.type(c.output().width()));
            when(take, () -> y.assign(sum));
            io.output.payload.get(i).assign(y);
        }
    }

    /** {@code rsh(v, F - fy)}: rounded half up when fraction bits are dropped, an exact left shift otherwise. */
    private static SInt align(SInt v, FixFormat f, int fy) {
        int s = f.fracBits() - fy;
        return s >= v.width() ? SInt.lit(0, 1) : Linear.roundShift(v, s);
    }
}
