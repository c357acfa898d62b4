package dev.spindle.sim.icarus;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;

/** Every operator of the core in one design, registered and combinational, to compare two simulators on. */
final class Datapath extends Component {
    static final class Io extends Bundle {
        final UInt a = in(UInt.type(16));
        final UInt b = in(UInt.type(16));
        final SInt s = in(SInt.type(16));
        final SInt t = in(SInt.type(16));
        final UInt amount = in(UInt.type(4));
        final UInt sel = in(UInt.type(2));
        final Bool en = in(Bool.type());
        final Bits mask = in(Bits.type(2));
        final UInt arith = out(UInt.type(17));
        final UInt product = out(UInt.type(32));
        final SInt sproduct = out(SInt.type(32));
        final SInt shifts = out(SInt.type(16));
        final UInt logical = out(UInt.type(16));
        final Bits flags = out(Bits.type(8));
        final UInt chosen = out(UInt.type(16));
        final UInt acc = out(UInt.type(24));
        final UInt ram = out(UInt.type(16));
        final UInt ramAsync = out(UInt.type(16));
        final UInt rom = out(UInt.type(8));
        final UInt quotient = out(UInt.type(16));
    }

    final Io io = new Io();
    final UInt accumulator = RegInit(UInt.lit(0, 24));
    final UInt choice = Wire(UInt.type(16));
    final Mem<UInt> memory = Mem.of(UInt.type(16), 16);
    final Mem<UInt> table = Mem.of(UInt.type(8), new long[] {3, 1, 4, 1, 5, 9, 2, 6});

    Datapath() {
        io.arith.assign(io.a.addExpand(io.b).sub(io.b.resize(17)).add(io.a.resize(17)));
        io.product.assign(io.a.mul(io.b));
        io.sproduct.assign(io.s.mul(io.t));
        io.shifts.assign(io.s.sra(io.amount).add(io.t.sra(3)).sub(io.s.sll(io.amount)));
        io.logical.assign(io.a.srl(io.amount).xor(io.b.sll(2)).or(io.a.and(io.b.not())));
        io.flags.assign(cat(io.s.lt(io.t), io.s.le(io.t), io.a.lt(io.b), io.a.ge(io.b), io.s.isNegative(),
                io.a.orR(), io.b.andR(), io.a.xorR()));
        switchOn(io.sel)
                .is(0, () -> choice.assign(io.a))
                .is(1, () -> choice.assign(io.s.asUInt()))
                .dflt(() -> when(io.en, () -> choice.assign(io.b.subSat(io.a))).otherwise(() -> choice.assign(io.a.addSat(io.b))));
        io.chosen.assign(choice);
        when(io.en, () -> accumulator.assign(accumulator.add(io.a.mul(io.sel.resize(8)).resize(24))))
                .elseWhen(io.sel.eq(3), () -> accumulator.assign(accumulator.srl(1)));
        io.acc.assign(accumulator);
        UInt address = io.b.bits(3, 0);
        memory.write(address, io.a, io.en, io.mask);
        io.ram.assign(memory.readSync(io.a.bits(3, 0)));
        io.ramAsync.assign(memory.readAsync(io.a.bits(7, 4)));
        io.rom.assign(table.readAsync(io.b.bits(2, 0)));
        io.quotient.assign(mux(io.b.eq(0), UInt.lit(0xFFFF, 16), io.a.div(io.b)));
    }
}
