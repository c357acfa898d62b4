package dev.spindle.hdl.checks;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.lib.stream.Stream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An error raised inside a library operator also names the user's line that called the operator. */
class LibraryErrorLocationTest {
    static int line;

    static final class Io extends Bundle {
        final Stream<UInt> in = slave(new Stream<>(UInt.type(8)));
        final Stream<UInt> out = master(new Stream<>(UInt.type(8)));
    }

    static final class Misuse extends Component {
        final Io io = new Io();

        Misuse() {
            io.out.connectFrom(io.in.m2sPipe());
            // A second operator on the same source drives its ready a second time.
            line = ElaborationErrorsTest.here(); io.in.m2sPipe();
        }
    }

    @Test
    void errorInsideTheLibraryNamesTheCallersLine() {
        HdlError e = assertThrows(HdlError.class, () -> Spindle.elaborate(Misuse::new));
        String m = e.getMessage();
        assertTrue(m.contains("Stream.java:"), m);
        assertTrue(m.contains("<- LibraryErrorLocationTest.java:" + line), m);
    }
}
