package dev.spindle.hdl.checks;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.verilog.Lint;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 defect 11: the integer API a user reaches for first exists, has the documented widths and lints clean
 * (the values are checked in both simulators by SimDefectsTest.integerApi and by the random-design test).
 */
class IntegerApiTest {
    @TempDir Path dir;

    static final class Io extends Bundle {
        final SInt a = in(SInt.type(8));
        final SInt b = in(SInt.type(6));
        final UInt u = in(UInt.type(8));
        final UInt v = in(UInt.type(8));
        final SInt q = out(SInt.type(8));
        final SInt r = out(SInt.type(6));
        final UInt mag = out(UInt.type(8));
        final SInt sat = out(SInt.type(8));
        final SInt satSub = out(SInt.type(8));
        final UInt diff = out(UInt.type(9));
        final UInt rot = out(UInt.type(8));
        final UInt rev = out(UInt.type(8));
        final Bool ne = out(Bool.type());
        final UInt bools = out(UInt.type(8));
        final SInt big = out(SInt.type(70));
        final UInt cased = out(UInt.type(8));
    }

    static final class Api extends Component {
        final Io io = new Io();
        final UInt cased = Wire(UInt.type(8));

        Api() {
            io.q.assign(io.a.div(io.b));
            io.r.assign(io.a.mod(io.b));
            io.mag.assign(io.a.abs());
            io.sat.assign(io.a.addSat(io.b.resize(8)));
            io.satSub.assign(io.a.subSat(io.b.resize(8)));
            io.diff.assign(io.u.subExpand(io.v));
            io.rot.assign(io.u.rotl(3).xor(io.v.rotr(2)));
            io.rev.assign(io.u.reversed());
            io.ne.assign(io.a.ne(-1));
            List<Bool> bits = io.v.asBools();
            io.bools.assign(cat(bits.get(0), bits.get(1), bits.get(2), bits.get(3), bits.get(4), bits.get(5), bits.get(6), bits.get(7)).asUInt());
            io.big.assign(SInt.lit(BigInteger.ONE.shiftLeft(68).negate(), 70).add(io.a.resize(70)));
            switchOn(io.a)
                    .is(-1, () -> cased.assign(UInt.lit(1, 8)))
                    .is(-128, () -> cased.assign(UInt.lit(2, 8)))
                    .is(127, () -> cased.assign(UInt.lit(3, 8)))
                    .dflt(() -> cased.assign(UInt.lit(0, 8)));
            io.cased.assign(cased);
        }
    }

    @Test
    void everyNewOperationElaboratesAndLints() {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(Api::new));
        assertEquals(List.of(), Lint.check(out, dir));
        String v = out.files().get("Api.v");
        assertTrue(v.contains("8'd255"), v);   // the case for -1 is its 8-bit pattern
    }

    @Test
    void signedCaseValuesOutsideTheRangeAreRefused() {
        class Bad extends Component {
            final Io io = new Io();
            Bad() {
                switchOn(io.a).is(128, () -> io.cased.assign(UInt.lit(0, 8))).dflt(() -> io.cased.assign(UInt.lit(1, 8)));
            }
        }
        HdlError e = assertThrows(HdlError.class, () -> Spindle.elaborate(Bad::new));
        assertTrue(e.getMessage().contains("-128 to 127"), e.getMessage());
    }
}
