package dev.spindle.hdl.verilog;

import dev.spindle.hdl.BlackBox;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.examples.Counter;

/** A design that uses every construct of the core at least once, to lint the backend's output broadly. */
final class KitchenSink extends Component {
    static final class Io extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt b = in(UInt.type(8));
        final SInt s = in(SInt.type(12));
        final UInt sel = in(UInt.type(2));
        final Bool en = in(Bool.type());
        final Bits mask = in(Bits.type(4));
        final Vec<UInt> lanes = in(Vec.type(UInt.type(4), 3));
        final UInt sum = out(UInt.type(9));
        final UInt product = out(UInt.type(16));
        final SInt shifted = out(SInt.type(12));
        final Bool less = out(Bool.type());
        final UInt chosen = out(UInt.type(8));
        final Bits packed = out(Bits.type(32));
        final UInt ramOut = out(UInt.type(32));
        final UInt romOut = out(UInt.type(8));
        final UInt counted = out(UInt.type(6));
        final UInt counted2 = out(UInt.type(6));
        final UInt fastCount = out(UInt.type(4));
        final UInt picked = out(UInt.type(4));
        final Bool parity = out(Bool.type());
        final UInt vendor = out(UInt.type(8));
    }

    /** Vendor IP stand-in: only its instance is emitted. */
    static final class Vendor extends BlackBox {
        final VendorIo io = new VendorIo();

        static final class VendorIo extends Bundle {
            final Bool aclk = in(Bool.type());
            final UInt din = in(UInt.type(8));
            final UInt dout = out(UInt.type(8));
        }

        Vendor() {
            super("vendor_ip");
            parameter("WIDTH", 8);
            parameter("MODE", "fast");
        }
    }

    final Io io = new Io();
    final Mem<UInt> ram = Mem.of(UInt.type(32), 64);
    final Mem<UInt> rom = Mem.of(UInt.type(8), new long[] {1, 2, 3, 5, 8, 13, 21, 34});
    final UInt addr = RegInit(UInt.lit(0, 6));
    final UInt choice = Wire(UInt.type(8));
    final Counter counter = child(() -> new Counter(new Counter.Config(6, true)));
    final Counter counter2 = child(() -> new Counter(new Counter.Config(6, true)));
    final Vendor vendor = child(Vendor::new);
    UInt fast;

    KitchenSink() {
        io.sum.assign(io.a.addExpand(io.b));
        io.product.assign(io.a.mul(io.b));
        io.shifted.assign(io.s.sra(2).sub(io.s.resize(12)));
        io.less.assign(io.s.lt(SInt.lit(-3, 12)).or(io.a.lt(io.b)));
        switchOn(io.sel)
                .is(0, () -> choice.assign(io.a))
                .is(new long[] {1, 2}, () -> choice.assign(io.b.srl(1)))
                .dflt(() -> choice.assign(io.a.xor(io.b)));
        io.chosen.assign(choice);
        io.packed.assign(cat(io.a, io.b, io.mask, io.sel, io.en, io.lanes.get(0).bits(2, 0), io.s.bits(5, 0)).resize(32));
        when(io.en, () -> addr.assign(addr.add(1)));
        ram.write(addr, cat(io.a, io.b, io.a, io.b).asUInt(), io.en, io.mask);
        io.ramOut.assign(ram.readSync(addr, io.en));
        io.romOut.assign(rom.readAsync(io.sel.resize(3)));
        counter.io.enable.assign(io.en);
        counter2.io.enable.assign(io.en);
        io.counted.assign(counter.io.value);
        io.counted2.assign(counter2.io.value);
        ClockDomain fastDomain = ClockDomain.external("fast", ClockDomain.Config.defaults()
                .withReset(Domain.ResetKind.SYNC, Domain.Polarity.LOW).withEnable());
        fastDomain.on(() -> fast = RegNextWhen(io.lanes.get(1), io.en, UInt.lit(0, 4)));
        io.fastCount.assign(fast);
        io.picked.assign(io.lanes.read(io.sel));
        io.parity.assign(io.a.xorR().xor(io.mask.orR()));
        vendor.io.aclk.assign(clockDomain().clock());
        vendor.io.din.assign(io.a);
        io.vendor.assign(vendor.io.dout);
    }
}
