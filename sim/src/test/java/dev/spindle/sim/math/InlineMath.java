package dev.spindle.sim.math;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.math.AdderTree;
import dev.spindle.lib.math.FunctionTable;
import dev.spindle.lib.math.Mac;
import dev.spindle.lib.math.MaxTree;
import dev.spindle.lib.math.Reciprocal;

import java.util.ArrayList;
import java.util.List;

/**
 * Every math unit built inline in one component, as a datapath would use them: an adder tree and an arg-max tree
 * stalled by a shared clock enable {@code ce}, a combinational max, a MAC on two of the inputs, an exp table on one
 * (stalled by {@code ce} too), and a reciprocal on another.
 */
final class InlineMath extends Component {
    static final int N = 6;
    static final int WIDTH = 10;
    static final Mac.Config MAC = new Mac.Config(WIDTH, WIDTH, true, 16, Overflow.SATURATE, false);
    static final FunctionTable.Config EXP = new FunctionTable.Config("exp", Math::exp, FixFormat.parse("s4.6"), 8,
            FixFormat.parse("u2.8"), FunctionTable.Sample.MIDDLE);
    static final Reciprocal.Config RECIP = new Reciprocal.Config(FixFormat.parse("u5.5"), FixFormat.parse("u5.7"), 6);

    static final class Io extends Bundle {
        final Vec<SInt> xs = in(Vec.type(SInt.type(WIDTH), N));
        final Bool ce = in(Bool.type());
        final Bool enable = in(Bool.type());
        final Bool clear = in(Bool.type());
        final SInt sum = out(SInt.type(WIDTH + 3));
        final SInt max = out(SInt.type(WIDTH));
        final UInt index = out(UInt.type(3));
        final SInt combMax = out(SInt.type(WIDTH));
        final SInt acc = out(SInt.type(16));
        final UFix exp = out(UFix.type(EXP.output()));
        final UFix recip = out(UFix.type(RECIP.output()));
    }

    final Io io = new Io();

    InlineMath() {
        List<SInt> xs = new ArrayList<>();
        for (SInt x : io.xs) xs.add(x);
        io.sum.assign(AdderTree.sum(xs, 1, io.ce));                 // latency 3 ce-cycles
        MaxTree.Result<SInt> best = MaxTree.argMax(xs, 2, io.ce);   // latency 1 ce-cycle
        io.max.assign(best.max());
        io.index.assign(best.index());
        io.combMax.assign(MaxTree.max(xs, 0));
        io.acc.assign(Mac.accumulate(MAC, xs.get(0), xs.get(1), io.enable, io.clear));
        UFix e = FunctionTable.lookup(EXP, SFix.fromRaw(xs.get(2), EXP.input()), io.ce);
        io.exp.assign(e);
        io.recip.assign(Reciprocal.of(RECIP, UFix.fromRaw(xs.get(3).asUInt(), RECIP.input())));
    }
}
