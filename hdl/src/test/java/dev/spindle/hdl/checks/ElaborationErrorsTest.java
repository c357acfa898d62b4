package dev.spindle.hdl.checks;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.HdlError;
import org.junit.jupiter.api.Test;

import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One deliberately wrong design per error class: the message must name the kind, the signal, and this file and
 * the line of the offending statement (each records its own line with {@link #here()} on the same line).
 */
class ElaborationErrorsTest {
    private static final String FILE = "ElaborationErrorsTest.java:";

    /** The caller's line number: written on the same line as the offending statement. */
    static int here() {
        return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber();
    }

    static class Io extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt b = in(UInt.type(8));
        final Bool en = in(Bool.type());
        final int yLine = here(); final UInt y = out(UInt.type(8));
    }

    private static HdlError fail(Supplier<? extends Component> design) {
        return assertThrows(HdlError.class, () -> Spindle.elaborate(design));
    }

    private static void assertNames(HdlError e, HdlError.Kind kind, String signal, int... lines) {
        String m = e.getMessage();
        assertEquals(kind, e.kind(), m);
        assertTrue(m.startsWith(kind.title), m);
        assertTrue(m.contains(signal), "message should name " + signal + ":\n" + m);
        for (int line : lines) assertTrue(m.contains(FILE + line), "message should name line " + line + ":\n" + m);
    }

    static int line;

    @Test
    void widthMismatch() {
        class Wide extends Component {
            final Io io = new Io();
            Wide() {
                line = here(); io.y.assign(io.a.addExpand(io.b));
            }
        }
        HdlError e = fail(Wide::new);
        assertNames(e, HdlError.Kind.WIDTH_MISMATCH, "io_y", line);
        assertTrue(e.getMessage().contains("(8 bits <- 9 bits)"), e.getMessage());
    }

    @Test
    void combinationalLoop() {
        int[] lines = new int[2];
        class Loop extends Component {
            final Io io = new Io();
            final UInt p = Wire(UInt.type(8));
            final UInt q = Wire(UInt.type(8));
            Loop() {
                lines[0] = here(); p.assign(q.add(io.a));
                lines[1] = here(); q.assign(p.xor(io.b));
                io.y.assign(q);
            }
        }
        HdlError e = fail(Loop::new);
        assertNames(e, HdlError.Kind.COMBINATIONAL_LOOP, "/p", lines[0], lines[1]);
        assertTrue(e.getMessage().contains("/q"), e.getMessage());
    }

    @Test
    void latch() {
        class Latchy extends Component {
            final Io io = new Io();
            final UInt held = Wire(UInt.type(8));
            Latchy() {
                when(io.en, () -> { line = here(); held.assign(io.a); });
                io.y.assign(held);
            }
        }
        assertNames(fail(Latchy::new), HdlError.Kind.LATCH, "held", line);
    }

    @Test
    void undrivenOutput() {
        class NoDriver extends Component {
            final Io io = new Io();
        }
        assertNames(fail(NoDriver::new), HdlError.Kind.NO_DRIVER, "io_y", ioLine());
    }

    /** The line where Io declares y (its creation is the location of an undriven output). */
    private static int ioLine() {
        int[] l = new int[1];
        class Probe extends Component {
            final Io io = new Io();
            Probe() {
                l[0] = io.yLine;
                io.y.assign(io.a);
            }
        }
        Spindle.elaborate(Probe::new);
        return l[0];
    }

    @Test
    void undrivenSignalThatIsRead() {
        class ReadsNothing extends Component {
            final Io io = new Io();
            final int declared = here(); final UInt floating = Wire(UInt.type(8));
            ReadsNothing() {
                line = declared;
                io.y.assign(floating.add(io.a));
            }
        }
        assertNames(fail(ReadsNothing::new), HdlError.Kind.NO_DRIVER, "floating", line);
    }

    @Test
    void twoDriversOfOneSignal() {
        int[] lines = new int[2];
        class Twice extends Component {
            final Io io = new Io();
            Twice() {
                lines[0] = here(); io.y.assign(io.a);
                lines[1] = here(); io.y.assign(io.b);
            }
        }
        assertNames(fail(Twice::new), HdlError.Kind.MULTIPLE_DRIVERS, "io_y", lines[0], lines[1]);
    }

    @Test
    void drivingOwnInputIsASecondDriver() {
        class DrivesInput extends Component {
            final Io io = new Io();
            DrivesInput() {
                io.y.assign(io.a);
                line = here(); io.b.assign(io.a);
            }
        }
        assertNames(fail(DrivesInput::new), HdlError.Kind.MULTIPLE_DRIVERS, "io_b", line);
    }

    static class Inner extends Component {
        final Io io = new Io();
        final UInt secret = Wire(UInt.type(8));
        Inner() {
            secret.assign(io.a);
            io.y.assign(secret.add(io.b));
        }
    }

    @Test
    void assigningAnotherComponentsInternals() {
        class Outer extends Component {
            final Io io = new Io();
            final Inner inner = child(Inner::new);
            Outer() {
                inner.io.a.assign(io.a);
                inner.io.b.assign(io.b);
                inner.io.en.assign(io.en);
                io.y.assign(inner.io.y);
                line = here(); inner.secret.assign(io.b);
            }
        }
        assertNames(fail(Outer::new), HdlError.Kind.HIERARCHY_VIOLATION, "secret", line);
    }

    @Test
    void clockCrossingWithoutSynchronizer() {
        class Crossing extends Component {
            final Io io = new Io();
            final UInt slow = RegNext(io.a);
            UInt fast;
            Crossing() {
                ClockDomain fastDomain = ClockDomain.external("fast");
                fastDomain.on(() -> { line = here(); fast = RegNext(slow.add(1)); });
                io.y.assign(fast);
            }
        }
        HdlError e = fail(Crossing::new);
        assertNames(e, HdlError.Kind.CLOCK_CROSSING, "fast", line);
        assertTrue(e.getMessage().contains("slow"), e.getMessage());
    }
}
