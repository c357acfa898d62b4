package dev.spindle.lib.axi;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;

/**
 * Width adaptation between a wide bus (the XDMA data width, 64..512 bits) and a unit's beats, row by row. A row
 * of {@code n} unit beats occupies {@code ceil(n / r)} bus beats, {@code r = busWidth / unitWidth} unit beats
 * to a bus beat, the first in the least significant bits; the rest of a row's last bus beat is padding. Both
 * directions take one unit beat a clock (full throughput), built inline and named after {@code name}.
 */
public final class RowBeats {
    private RowBeats() {}

    /** Bus beats per row of {@code rowBeats} unit beats of {@code unitWidth} bits. */
    public static int busBeatsPerRow(int busWidth, int unitWidth, int rowBeats) {
        int r = ratio(busWidth, unitWidth);
        return (rowBeats + r - 1) / r;
    }

    private static int ratio(int busWidth, int unitWidth) {
        if (unitWidth < 1 || unitWidth > busWidth) {
            throw new IllegalArgumentException("unit beat width " + unitWidth + " does not fit the bus width " + busWidth + ": allowed 1.." + busWidth);
        }
        return busWidth / unitWidth;
    }

    /** Splits bus beats into unit beats of {@code unitWidth} bits, {@code rowBeats} to a row ({@code last} on each row's final one). */
    public static Stream<Fragment<Bits>> split(Stream<Bits> bus, int unitWidth, int rowBeats, String name) {
        int r = ratio(bus.payload.width(), unitWidth);
        Stream<Fragment<Bits>> out = Stream.of(Fragment.type(Bits.type(unitWidth))).named(name);
        UInt sub = RegInit(UInt.lit(0, log2Up(r))).named(name + "_sub");
        UInt rowSub = RegInit(UInt.lit(0, log2Up(rowBeats))).named(name + "_rowBeat");
        Bits selected = bus.payload.bits(unitWidth - 1, 0);
        for (int k = 1; k < r; k++) selected = mux(sub.eq(k), bus.payload.bits((k + 1) * unitWidth - 1, k * unitWidth), selected);
        Bool rowEnd = Wire(rowSub.eq(rowBeats - 1)).named(name + "_rowEnd");
        Bool busEnd = r == 1 ? True() : sub.eq(r - 1).or(rowEnd);
        out.valid.assign(bus.valid);
        out.payload.fragment.assign(selected);
        out.payload.last.assign(rowEnd);
        bus.ready.assign(out.ready.and(busEnd));
        when(out.fire(), () -> {
            if (r > 1) sub.assign(mux(busEnd, UInt.lit(0, sub.width()), sub.add(1)));
            rowSub.assign(mux(rowEnd, UInt.lit(0, rowSub.width()), rowSub.add(1)));
        });
        return out;
    }

    /** Packs unit beats into bus beats of {@code busWidth} bits; a row's {@code last} closes its bus beat. */
    public static Stream<Fragment<Bits>> pack(Stream<Fragment<Bits>> unit, int busWidth, String name) {
        int unitWidth = unit.payload.fragment.width();
        int r = ratio(busWidth, unitWidth);
        Stream<Fragment<Bits>> out = Stream.of(Fragment.type(Bits.type(busWidth))).named(name);
        List<Bits> slots = new ArrayList<>();
        for (int k = 0; k < r; k++) slots.add(RegInit(Bits.lit(0, unitWidth)).named(name + "_slot_" + k));
        UInt idx = RegInit(UInt.lit(0, log2Up(r))).named(name + "_index");
        Bool full = RegInit(False()).named(name + "_full");
        Bool lastReg = RegInit(False()).named(name + "_last");
        List<BaseType> parts = new ArrayList<>();
        if (busWidth > r * unitWidth) parts.add(Bits.lit(0, busWidth - r * unitWidth));
        for (int k = r - 1; k >= 0; k--) parts.add(slots.get(k));
        out.valid.assign(full);
        out.payload.fragment.assign(parts.size() == 1 ? slots.getFirst() : cat(parts.toArray(BaseType[]::new)));
        out.payload.last.assign(lastReg);
        unit.ready.assign(full.not().or(out.ready));
        Bool finishing = r == 1 ? True() : idx.eq(r - 1).or(unit.payload.last);
        when(out.fire(), () -> full.assign(False()));
        when(unit.fire(), () -> {
            if (r == 1) slots.getFirst().assign(unit.payload.fragment);
            for (int k = 0; k < r && r > 1; k++) {
                Bits slot = slots.get(k);
                var write = when(idx.eq(k), () -> slot.assign(unit.payload.fragment));
                if (k > 0) write.elseWhen(idx.eq(0), () -> slot.assign(Bits.lit(0, unitWidth)));   // a new bus beat starts clean
            }
            when(finishing, () -> {
                full.assign(True());
                lastReg.assign(unit.payload.last);
                if (r > 1) idx.assign(UInt.lit(0, idx.width()));
            }).otherwise(() -> { if (r > 1) idx.assign(idx.add(1)); });
        });
        return out;
    }
}
