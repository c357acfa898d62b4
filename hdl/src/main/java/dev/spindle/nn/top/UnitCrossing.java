package dev.spindle.nn.top;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.lib.stream.StreamFifoCC;

import static dev.spindle.hdl.Hdl.Reg;
import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;

/**
 * The unit on its own clock ({@code AcceleratorTop.Config.unitClockNs > 0}), built inline in the top: one
 * clock-crossing FIFO ({@link StreamFifoCC}) carries H2C's weight beats and token-row beats to the unit in their H2C
 * order, as {@code {isWeight, weight address, beat}} words ({@code to_unit}); on the unit's side weight beats are
 * written into the weight memory (in the unit's domain, where the unit reads it) and row beats go to the unit
 * ({@code unit_rows}); a second FIFO brings the result beats back to {@code axi_aclk}. The unit's reset is
 * {@code axi_aresetn} synchronized into its clock by two registers ({@code unit_reset_sync_0/1}), so it is held
 * while the XDMA's reset is, and released a few unit clocks after it.
 */
final class UnitCrossing {
    private final ClockDomain axi, unitDomain;
    private final AcceleratorUnit unit;
    private final int width, weightBeats;
    private Stream<Fragment<Bits>> unitResults;
    private Mem<Bits> weights;

    UnitCrossing(ClockDomain axi, ClockDomain unitDomain, AcceleratorUnit unit, int width, int weightBeats) {
        this.axi = axi;
        this.unitDomain = unitDomain;
        this.unit = unit;
        this.width = width;
        this.weightBeats = weightBeats;
    }

    /** The unit's clock domain on {@code clock}, reset by {@code axi}'s reset synchronized into it. */
    static ClockDomain domain(Bool clock, ClockDomain axi, double periodNs) {
        Bool resetn = Wire(Bool.type()).named("unit_aresetn");
        ClockDomain d = ClockDomain.internal("unit", clock, resetn,
                ClockDomain.Config.defaults().withReset(Domain.ResetKind.SYNC, Domain.Polarity.LOW).withPeriodNs(periodNs));
        d.on(() -> {
            Bool sync0 = Reg(Bool.type()).named("unit_reset_sync_0");   // no reset of their own: they make it
            Bool sync1 = Reg(Bool.type()).named("unit_reset_sync_1");
            ((Signal) sync0.node()).setCrossClockDomain(true);
            sync0.assign(axi.reset());
            sync1.assign(sync0);
            resetn.assign(sync1);
        });
        return d;
    }

    /** Asynchronous read access to a weight memory, one bus beat a word. */
    static AcceleratorUnit.WeightMemory memory(Mem<Bits> mem, Bool written) {
        return new AcceleratorUnit.WeightMemory() {
            @Override public Bits read(UInt address) { return mem.readAsync(address); }

            @Override public Bits readSync(UInt address, Bool enable) { return mem.readSync(address, enable); }

            @Override public int depth() { return mem.depth(); }

            @Override public Bool written() { return written; }
        };
    }

    /**
     * Connects {@code rows} and the weight beats ({@code weightBeat} with address {@code weightAddress} and data
     * {@code beat}; {@code weightReady} is driven here) to the unit across the clocks; returns the results in the
     * {@code axi} domain. Call it in the {@code axi} domain.
     */
    Stream<Fragment<Bits>> connect(Stream<Bits> rows, Bool weightBeat, UInt weightAddress, Bits beat, Bool weightReady) {
        int aw = weightBeats > 0 ? log2Up(weightBeats) : 1;
        Stream<Bits> toUnit = Stream.of(Bits.type(1 + aw + width)).named("to_unit");
        toUnit.valid.assign(rows.valid.or(weightBeat));
        toUnit.payload.assign(cat(weightBeat, weightAddress.resize(aw), mux(weightBeat, beat, rows.payload)));
        rows.ready.assign(toUnit.ready);
        weightReady.assign(toUnit.ready);
        Stream<Bits> arrived = StreamFifoCC.of(toUnit, AcceleratorTop.CROSSING_DEPTH, axi, unitDomain);
        unitDomain.on(() -> {
            Bool isWeight = arrived.payload.msb();
            Bits data = arrived.payload.bits(width - 1, 0);
            Stream<Bits> unitRows = Stream.of(Bits.type(width)).named("unit_rows");
            unitRows.valid.assign(arrived.valid.and(isWeight.not()));
            unitRows.payload.assign(data);
            arrived.ready.assign(isWeight.or(unitRows.ready));
            if (weightBeats > 0) {
                weights = Mem.of(Bits.type(width), weightBeats).named("weights");
                Bool written = Wire(arrived.fire().and(isWeight)).named("weight_written");
                weights.write(arrived.payload.bits(width + aw - 1, width).asUInt(), data, written);
                unitResults = unit.build(unitRows, width, memory(weights, written));
            } else {
                unitResults = unit.build(unitRows, width, null);
            }
        });
        return StreamFifoCC.of(unitResults, AcceleratorTop.CROSSING_DEPTH, unitDomain, axi);
    }
}
