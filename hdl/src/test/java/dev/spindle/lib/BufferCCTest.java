package dev.spindle.lib;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** BufferCC: lint-clean, accepted by the clock-crossing check where a bare register is not. */
class BufferCCTest {
    /** A counter in the default domain sampled in domain {@code fast}, through a BufferCC or not. */
    static final class Crossing extends Component {
        static final class Io extends Bundle {
            final Bool enable = in(Bool.type());
            final UInt seen = out(UInt.type(4));
            final Bool bit = out(Bool.type());
        }

        final Io io = new Io();
        final UInt slow = RegInit(UInt.lit(0, 4));
        UInt fast;
        Bool fastBit;

        Crossing(boolean synchronize, boolean withReset) {
            when(io.enable, () -> slow.assign(slow.add(1)));
            ClockDomain domain = ClockDomain.external("fast");
            domain.on(() -> {
                UInt in = synchronize ? (withReset ? BufferCC.of(slow, UInt.lit(0, 4)) : BufferCC.of(slow)) : slow;
                fast = RegNext(in);
                fastBit = synchronize ? BufferCC.of(io.enable, Bool.lit(false), 3) : RegNext(io.enable);
            });
            io.seen.assign(fast);
            io.bit.assign(fastBit);
        }
    }

    @Test void crossingThroughBufferCCElaborates() {
        Elaborated<Crossing> design = Spindle.elaborate(() -> new Crossing(true, true));
        VerilogOutput out = VerilogBackend.emit(design);
        String cc = out.files().get("BufferCC.v");
        assertTrue(cc.contains("buffers_0") && cc.contains("buffers_1") && cc.contains("io_dataIn") && cc.contains("io_dataOut"), cc);
        assertTrue(out.files().get("Crossing.v").contains("always @(posedge fast_clk"), out.files().get("Crossing.v"));
        assertEquals(List.of(), Lint.check(out, Path.of("target", "buffercc-lint", "crossing").toAbsolutePath()));
    }

    @Test void bufferCCWithoutResetIsLintClean() {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(() -> new Crossing(true, false)));
        assertEquals(List.of(), Lint.check(out, Path.of("target", "buffercc-lint", "noReset").toAbsolutePath()));
    }

    @Test void crossingWithoutBufferCCFails() {
        HdlError e = assertThrows(HdlError.class, () -> Spindle.elaborate(() -> new Crossing(false, true)));
        assertTrue(e.getMessage().contains("CLOCK CROSSING VIOLATION"), e.getMessage());
        assertTrue(e.getMessage().contains("BufferCC"), e.getMessage());
    }

    @Test void depthIsValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BufferCC.Config(0));
        assertTrue(e.getMessage().contains("depth"), e.getMessage());
    }
}
