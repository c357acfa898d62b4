package dev.spindle.hdl.fix;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Rounding;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Overflow.SATURATE;
import static dev.spindle.hdl.Rounding.FLOOR;
import static dev.spindle.hdl.Rounding.ROUND_HALF_EVEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SFix/UFix API: result formats, literals, the errors a user sees, and a lint-clean registered design. */
class FixTypesTest {
    /** A component whose body is the test's code, so hardware can be built inside an elaboration. */
    static final class Body extends Component {
        Body(Runnable body) { body.run(); }
    }

    private static void inHardware(Runnable body) { Spindle.elaborate(() -> new Body(body)); }

    private static FixFormat f(String s) { return FixFormat.parse(s); }

    @Test
    void exactOperationsGrowTheFormat() {
        List<String> got = new ArrayList<>();
        inHardware(() -> {
            SFix a = SFix.lit(1.5, "s6.10");
            SFix b = SFix.lit(-2.25, "s4.4");
            UFix u = UFix.lit(3.5, "u4.2");
            UFix v = UFix.lit(0.5, "u2.6");
            for (var x : List.of(a.add(b), a.sub(b), a.mul(b), a.neg(), a.add(u), a.mul(u), u.add(v), u.sub(v), u.mul(v),
                    u.neg(), u.sub(a), u.toSFix(), a.scaleBy(3), v.scaleBy(-2))) {
                got.add(x instanceof SFix s ? s.format().toString() : ((UFix) x).format().toString());
            }
            assertSame(a.node(), a.scaleBy(3).node(), "scaling moves only the binary point");
        });
        assertEquals(List.of("s7.10", "s7.10", "s10.14", "s7.10", "s7.10", "s10.12", "u5.6", "s5.6", "u6.8",
                "s5.2", "s7.10", "s5.2", "s9.7", "u0.8"), got);
    }

    @Test
    void literalsRoundToNearestAndNameTheRangeWhenOutside() {
        List<BigInteger> raws = new ArrayList<>();
        inHardware(() -> {
            for (double x : new double[] {1.5, -1.0, -0.03125, 0.03125, 7.9375}) raws.add(((Const) SFix.lit(x, "s4.4").node()).value());
            raws.add(((Const) UFix.lit(2.75, "u2.-1").node()).value());    // 2.75 / 2 = 1.375 -> 1
        });
        // raw bit patterns: 24, -16 = 0xf0, ties go towards +inf (-0.5 LSB -> 0, +0.5 LSB -> 1), 127, 1
        assertEquals(List.of(24, 240, 0, 1, 127, 1), raws.stream().map(BigInteger::intValue).toList());
        var high = assertThrows(IllegalArgumentException.class, () -> inHardware(() -> SFix.lit(7.97, "s4.4")));
        assertTrue(high.getMessage().contains("outside s4.4: its range is [-8.0, 7.9375] in steps of 0.0625"), high.getMessage());
        var negative = assertThrows(IllegalArgumentException.class, () -> inHardware(() -> UFix.lit(-0.1, "u4.4")));
        assertTrue(negative.getMessage().contains("[0.0, 15.9375]"), negative.getMessage());
    }

    @Test
    void assigningAnotherFormatNamesBothFormats() {
        var e = assertThrows(HdlError.class, () -> inHardware(() -> {
            SFix w = Hdl.Wire(SFix.type("s6.10"));
            w.assign(SFix.lit(1.0, "s7.10"));
        }));
        assertEquals(HdlError.Kind.TYPE_MISMATCH, e.kind());
        assertTrue(e.getMessage().contains("(s6.10 <- s7.10)") && e.getMessage().contains("resize"), e.getMessage());

        var mixed = assertThrows(HdlError.class, () -> inHardware(() -> Hdl.Wire(UFix.type("u4.4")).assign(SFix.lit(1.0, "s5.4"))));
        assertTrue(mixed.getMessage().contains("(u4.4 <- s5.4)"), mixed.getMessage());

        var mux = assertThrows(HdlError.class, () -> inHardware(() ->
                Hdl.mux(Bool.lit(true), SFix.lit(1.0, "s4.4"), SFix.lit(1.0, "s4.5"))));
        assertTrue(mux.getMessage().contains("s4.4") && mux.getMessage().contains("s4.5"), mux.getMessage());
    }

    @Test
    void muxAndWireKeepTheFormat() {
        List<FixFormat> got = new ArrayList<>();
        inHardware(() -> {
            SFix m = Hdl.mux(Bool.lit(true), SFix.lit(1.0, "s4.4"), SFix.lit(-1.0, "s4.4"));
            got.add(m.format());
            got.add(Hdl.Wire(m).format());
        });
        assertEquals(List.of(f("s4.4"), f("s4.4")), got);
    }

    @Test
    void misuseFailsWithAnExplanation() {
        var raw = assertThrows(HdlError.class, () -> inHardware(() -> SFix.fromRaw(SInt.lit(0, 12), f("s6.10"))));
        assertTrue(raw.getMessage().contains("(16 bits <- 12 bits)"), raw.getMessage());
        var sign = assertThrows(IllegalArgumentException.class, () -> SFix.type("u4.4"));
        assertTrue(sign.getMessage().contains("use UFix"), sign.getMessage());
        var target = assertThrows(IllegalArgumentException.class,
                () -> inHardware(() -> SFix.lit(1, "s4.4").resize(f("u4.4"), FLOOR, SATURATE)));
        assertTrue(target.getMessage().contains("toUFix"), target.getMessage());
        var wide = assertThrows(IllegalArgumentException.class,
                () -> inHardware(() -> SFix.lit(0, "s64.64").mul(SFix.lit(0, "s64.64"))));
        assertTrue(wide.getMessage().contains("product of s64.64 and s64.64 needs s128.128"), wide.getMessage());
    }

    /** An accumulator {@code acc = sat(round(x * gain + acc))} with typed fixed-point ports, a register, set and mux. */
    static final class Accumulator extends Component {
        static final class Io extends Bundle {
            final SFix x = in(SFix.type("s4.12"));
            final UFix gain = in(UFix.type("u1.7"));
            final Bool load = in(Bool.type());
            final SFix y = out(SFix.type("s6.10"));
            final UFix magnitude = out(UFix.type("u4.4"));
            final Bool above = out(Bool.type());
        }

        final Io io = new Io();
        final SFix acc;

        Accumulator() {
            acc = RegInit(SFix.lit(0, "s6.10"));
            SFix next = io.x.mul(io.gain).add(acc).resize("s6.10", ROUND_HALF_EVEN, SATURATE);
            acc.assign(next);
            when(io.load, () -> acc.set(-1.5));
            io.y.assign(mux(io.above, acc, SFix.lit(0.25, "s6.10")));
            io.magnitude.assign(acc.toUFix(f("u4.4"), Rounding.ROUND_HALF_UP, Overflow.SATURATE));
            io.above.assign(io.x.gt(io.gain));
        }
    }

    @Test
    void registeredDesignWithFixPortsIsLintClean(@TempDir Path dir) {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(Accumulator::new));
        String v = out.files().get(out.top() + ".v");
        assertTrue(v.contains("input  wire [15:0] io_x") && v.contains("output wire [7:0] io_magnitude") && v.contains("reg  [15:0] acc"), v);
        assertEquals(List.of(), Lint.check(out, dir));
    }
}
