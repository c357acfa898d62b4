package dev.spindle.estimate;

import static dev.spindle.hdl.Hdl.RegNext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 17 × 17-bit SInt product between registers is one DSP48E2, as a hand-written {@code $signed(a) * $signed(b)}
 * is: the backend once wrote it as an unsigned product of the sign-extended operands, which Yosys cannot narrow
 * (three DSPs), so every signed multiplier in Spindle counted about 2.6 DSPs. The UInt product stays one DSP too.
 */
class SignedProductTest {
    @TempDir Path dir;

    static final class Io extends Bundle {
        final SInt a = in(SInt.type(17));
        final SInt b = in(SInt.type(17));
        final SInt p = out(SInt.type(34));
        final UInt c = in(UInt.type(17));
        final UInt d = in(UInt.type(17));
        final UInt q = out(UInt.type(34));
    }

    static final class Products extends Component {
        final Io io = new Io();
        {
            SInt a = RegNext(io.a);
            SInt b = RegNext(io.b);
            io.p.assign(RegNext(a.mul(b)));
            UInt c = RegNext(io.c);
            UInt d = RegNext(io.d);
            io.q.assign(RegNext(c.mul(d)));
        }
    }

    @Test
    void signedAndUnsignedProductsAreOneDspEach() {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(Products::new));
        String v = out.files().values().iterator().next();
        assertTrue(v.contains("$unsigned($signed("), v);
        Path[] files = out.writeTo(dir);
        ResourceEstimate e = new YosysEstimator().estimate(List.of(files), out.top());
        assertEquals(2, e.dsp(), e.cells().toString());
    }
}
