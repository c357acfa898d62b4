package dev.spindle.host;

import dev.spindle.sim.axi.ProtocolViolation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol checkers can fail: a master that withdraws a stalled transfer, or changes its payload, is caught. */
class ProtocolCheckerTest {
    /**
     * A link whose AXI4-Lite master has raised AW (address 0x30) without W for one cycle: the bank waits for both
     * (awready low), so the write address is stalled.
     */
    private static SimLink stalledWriteAddress() {
        SimLink link = SimLink.open(Devices.SOFTMAX, SimLink.Options.fast());
        link.sim().in("s_axil_awvalid").set(1);
        link.sim().in("s_axil_awaddr").set(0x30);
        link.sim().cycle();
        return link;
    }

    @Test void withdrawnAndChangedTransfersFail() {
        try (SimLink link = stalledWriteAddress()) {
            link.sim().in("s_axil_awvalid").set(0);
            ProtocolViolation v = assertThrows(ProtocolViolation.class, link.sim()::cycle);
            assertTrue(v.getMessage().contains("AW") && v.getMessage().contains("dropped before"), v.getMessage());
        }
        try (SimLink link = stalledWriteAddress()) {
            link.sim().in("s_axil_awaddr").set(0x34);
            ProtocolViolation v = assertThrows(ProtocolViolation.class, link.sim()::cycle);
            assertTrue(v.getMessage().contains("s_axil_awaddr changed while stalled"), v.getMessage());
        }
    }
}
