package dev.spindle.hdl.checks;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.HdlError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 defect 11: the integer API's checks. The operations themselves (widths, lint, values in both simulators)
 * are tested by SimDefectsTest.integerApi in sim and by the random-design test.
 */
class IntegerApiTest {
    static final class Io extends Bundle {
        final SInt a = in(SInt.type(8));
        final UInt cased = out(UInt.type(8));
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
