package dev.spindle.hdl.checks;

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

import java.util.List;
import java.util.function.Supplier;

import static dev.spindle.hdl.checks.ElaborationErrorsTest.here;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9 defect 10: each error names the signal and this file's line, not only an exception type. */
class ErrorLocationsTest {
    private static final String FILE = "ErrorLocationsTest.java:";
    static int line;
    static int yDeclared;

    static final class Io extends Bundle {
        final UInt x = in(UInt.type(8));
        final SInt s = in(SInt.type(8));
        { yDeclared = here(); } final UInt y = out(UInt.type(8));
    }

    /** Elaborates, expecting an error whose message holds every {@code expected} text (built after the design ran). */
    @SafeVarargs
    private static String failure(Supplier<? extends Component> design, Supplier<String>... expected) {
        HdlError e = assertThrows(HdlError.class, () -> Spindle.elaborate(design));
        String m = e.getMessage();
        for (Supplier<String> s : expected) assertTrue(m.contains(s.get()), "message should contain " + s.get() + ":\n" + m);
        return m;
    }

    @Test
    void sliceOutsideTheSignal() {
        class Slice extends Component {
            final Io io = new Io();
            Slice() { line = here(); io.y.assign(io.x.bits(8, 1).resize(8)); }
        }
        failure(Slice::new, () -> "io_x", () -> "[8:1]", () -> FILE + line);
    }

    @Test
    void shiftRightByTheWholeWidth() {
        class Shift extends Component {
            final Io io = new Io();
            Shift() { line = here(); io.y.assign(io.x.shr(8).resize(8)); }
        }
        failure(Shift::new, () -> "io_x", () -> "shr(8)", () -> FILE + line);
    }

    @Test
    void literalOperandTooWide() {
        class Add extends Component {
            final Io io = new Io();
            Add() { line = here(); io.y.assign(io.s.add(200).asUInt()); }
        }
        failure(Add::new, () -> "io_s", () -> "200", () -> "-128 to 127", () -> FILE + line);
    }

    /** Issue 9 defect 11's check: a case value outside a signed selector's range is refused, with the range. */
    @Test
    void signedCaseValueOutsideTheRange() {
        class Case extends Component {
            final Io io = new Io();
            Case() { switchOn(io.s).is(128, () -> io.y.assign(UInt.lit(0, 8))).dflt(() -> io.y.assign(UInt.lit(1, 8))); }
        }
        failure(Case::new, () -> "-128 to 127");
    }

    @Test
    void undrivenOutputNamesTheComponentsLine() {
        class NoDriver extends Component {
            final Io io = new Io();
        }
        // The declaration (in Io) and where the component was created, both in this file.
        failure(NoDriver::new, () -> "io_y", () -> "constructor of NoDriver (created at " + FILE, () -> "at " + FILE + yDeclared);
    }

    @Test
    void undrivenWireNamesTheRead() {
        class Floating extends Component {
            final Io io = new Io();
            final UInt floating = Wire(UInt.type(8));
            Floating() { line = here(); io.y.assign(floating.add(io.x)); }
        }
        failure(Floating::new, () -> "floating", () -> "read at " + FILE + line);
    }

    static int assignLine;

    /** A lint report citing Verilog lines also gives the Java line each of them came from. */
    @Test
    void lintReportsGiveTheJavaLine() {
        class Top extends Component {
            final Io io = new Io();
            Top() { assignLine = here(); io.y.assign(io.x.add(io.s.asUInt())); }
        }
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(Top::new));
        String text = out.files().get("Top.v");
        List<String> lines = List.of(text.split("\n"));
        int n = 0;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains("assign io_y")) n = i + 1;
        String report = Lint.withJavaLines("%Warning-WIDTH: /tmp/lint/Top.v:" + n + ":3: something is off", out);
        assertTrue(report.contains("Top.v:" + n + " comes from " + FILE + assignLine), report);
    }
}
