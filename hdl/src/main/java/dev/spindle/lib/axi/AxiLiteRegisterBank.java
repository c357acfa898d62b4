package dev.spindle.lib.axi;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.cat;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;

/**
 * An AXI4-Lite slave register bank built inline in the current component from a {@link RegisterMap}. One write
 * and one read in flight at a time: a write is taken when address and data are both valid (AXI lets a slave wait
 * for both), its response follows the next cycle; a read answers the cycle after its address. Unmapped addresses
 * answer SLVERR. Byte strobes apply to RW fields; W1C and PULSE fields act on the written ones.
 *
 * <p>Hardware reaches the fields through {@link #value} (RW, W1C, PULSE, CONST), {@link #drive} (RO) and
 * {@link #set} (the hardware side of W1C). Each field is a register or wire named {@code <register>_<field>}
 * in lower case.
 */
public final class AxiLiteRegisterBank {
    private final RegisterMap map;
    private final Map<RegisterField, Bits> values = new LinkedHashMap<>();
    private final Map<RegisterField, Bits> hardwareSide = new LinkedHashMap<>();

    public AxiLiteRegisterBank(AxiLite bus, RegisterMap map) {
        this.map = map;
        if (bus.addressWidth() < 32 - Integer.numberOfLeadingZeros(map.span() - 1)) {
            throw new IllegalArgumentException("AXI4-Lite address width " + bus.addressWidth() + " cannot reach register map " + map.name() + " (span 0x" + Integer.toHexString(map.span()) + ")");
        }
        // ---- write channel -----------------------------------------------------------------------------------
        Bool bvalid = RegInit(False()).named("axil_bvalid");
        Bits bresp = RegInit(Bits.lit(0, 2)).named("axil_bresp");
        Bool writeGo = Wire(bus.awvalid.and(bus.wvalid).and(bvalid.not())).named("axil_write");
        bus.awready.assign(writeGo);
        bus.wready.assign(writeGo);
        bus.bvalid.assign(bvalid);
        bus.bresp.assign(bresp);
        Bits byteMask = strobeMask(bus.wstrb);
        Bits written = Wire(bus.wdata.and(byteMask)).named("axil_wdata_masked");
        Bool writeHit = False();
        for (Register r : map.registers()) {
            Bool hit = Wire(writeGo.and(bus.awaddr.eq(r.offset()))).named("axil_write_" + lower(r.name()));
            writeHit = writeHit.or(bus.awaddr.eq(r.offset()));
            for (RegisterField f : r.fields()) buildField(r, f, hit, bus.wdata, byteMask, written);
        }
        Bool writeHitAll = writeHit;
        when(writeGo, () -> {
            bvalid.assign(Bool.lit(true));
            bresp.assign(mux(writeHitAll, Bits.lit(AxiLite.RESP_OKAY, 2), Bits.lit(AxiLite.RESP_SLVERR, 2)));
        }).elseWhen(bus.bready, () -> bvalid.assign(False()));

        // ---- read channel ------------------------------------------------------------------------------------
        Bool rvalid = RegInit(False()).named("axil_rvalid");
        Bits rdata = RegInit(Bits.lit(0, 32)).named("axil_rdata");
        Bits rresp = RegInit(Bits.lit(0, 2)).named("axil_rresp");
        Bool readGo = Wire(bus.arvalid.and(rvalid.not())).named("axil_read");
        bus.arready.assign(rvalid.not());
        bus.rvalid.assign(rvalid);
        bus.rdata.assign(rdata);
        bus.rresp.assign(rresp);
        Bits word = Bits.lit(0, 32);
        Bool readHit = False();
        for (Register r : map.registers()) {
            Bool hit = bus.araddr.eq(r.offset());
            word = mux(hit, readWord(r), word);
            readHit = readHit.or(hit);
        }
        Bits readWord = Wire(word).named("axil_read_word");
        Bool readHitAll = readHit;
        when(readGo, () -> {
            rvalid.assign(Bool.lit(true));
            rdata.assign(readWord);
            rresp.assign(mux(readHitAll, Bits.lit(AxiLite.RESP_OKAY, 2), Bits.lit(AxiLite.RESP_SLVERR, 2)));
        }).elseWhen(bus.rready, () -> rvalid.assign(False()));
    }

    public RegisterMap map() { return map; }

    /** A field's value as hardware sees it (RW/W1C: the register; PULSE: one cycle high after a write of 1; CONST). */
    public Bits value(String register, String field) {
        RegisterField f = map.field(register, field);
        if (f.access() == Access.RO) throw new IllegalArgumentException(register + "." + field + " is RO: hardware drives it with drive(...)");
        return values.get(f);
    }

    public Bool flag(String register, String field) { return value(register, field).bit(0); }

    /** Drives an RO field (every RO field must be driven once). */
    public void drive(String register, String field, BaseType v) {
        RegisterField f = check(register, field, Access.RO);
        hardwareSide.get(f).assign(v instanceof Bool b ? cat(b) : v.asBits());
    }

    /** Sets W1C bits from hardware (each W1C field must be given its set signal once). */
    public void set(String register, String field, BaseType setBits) {
        RegisterField f = check(register, field, Access.W1C);
        hardwareSide.get(f).assign(setBits instanceof Bool b ? cat(b) : setBits.asBits());
    }

    private RegisterField check(String register, String field, Access expected) {
        RegisterField f = map.field(register, field);
        if (f.access() != expected) throw new IllegalArgumentException(register + "." + field + " is " + f.access() + ", not " + expected);
        return f;
    }

    private void buildField(Register r, RegisterField f, Bool hit, Bits wdata, Bits byteMask, Bits written) {
        String name = lower(r.name()) + "_" + f.name();
        int hi = f.lsb() + f.width() - 1;
        switch (f.access()) {
            case CONST -> values.put(f, Bits.lit(f.reset(), f.width()));
            case RO -> {
                Bits w = Wire(Bits.type(f.width())).named(name);
                hardwareSide.put(f, w);
                values.put(f, w);
            }
            case RW -> {
                Bits reg = RegInit(Bits.lit(f.reset(), f.width())).named(name);
                Bits keep = reg.and(byteMask.bits(hi, f.lsb()).not());
                when(hit, () -> reg.assign(keep.or(written.bits(hi, f.lsb()))));
                values.put(f, reg);
            }
            case W1C -> {
                Bits reg = RegInit(Bits.lit(f.reset(), f.width())).named(name);
                Bits setBits = Wire(Bits.type(f.width())).named(name + "_set");
                hardwareSide.put(f, setBits);
                Bits clear = mux(hit, written.bits(hi, f.lsb()), Bits.lit(0, f.width()));
                reg.assign(reg.and(clear.not()).or(setBits));
                values.put(f, reg);
            }
            case PULSE -> {
                Bits reg = RegInit(Bits.lit(0, f.width())).named(name);
                reg.assign(mux(hit, wdata.bits(hi, f.lsb()), Bits.lit(0, f.width())));
                values.put(f, reg);
            }
        }
    }

    private Bits readWord(Register r) {
        List<RegisterField> fields = new ArrayList<>(r.fields());
        fields.sort(Comparator.comparingInt(RegisterField::lsb).reversed());
        List<BaseType> parts = new ArrayList<>();
        int next = 31;
        for (RegisterField f : fields) {
            int hi = f.lsb() + f.width() - 1;
            if (hi < next) parts.add(Bits.lit(0, next - hi));
            parts.add(f.access() == Access.PULSE ? Bits.lit(0, f.width()) : values.get(f));
            next = f.lsb() - 1;
        }
        if (next >= 0) parts.add(Bits.lit(0, next + 1));
        return cat(parts.toArray(BaseType[]::new));
    }

    private static Bits strobeMask(Bits wstrb) {
        BaseType[] bytes = new BaseType[4];
        for (int i = 0; i < 4; i++) bytes[3 - i] = mux(wstrb.bit(i), Bits.lit(0xFF, 8), Bits.lit(0, 8));
        return Wire(cat(bytes)).named("axil_wstrb_mask");
    }

    private static String lower(String s) { return s.toLowerCase(java.util.Locale.ROOT); }

}
