package dev.spindle.host;

import dev.spindle.sim.axi.ProtocolViolation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol checkers can fail: a master that withdraws a stalled transfer, or changes its payload, is caught. */
class ProtocolCheckerTest {
    @Test void withdrawnAndChangedTransfersFail() {
        try (SimLink link = SimLink.open(Devices.SOFTMAX, SimLink.Options.fast())) {
            var sim = link.sim();
            // AW without W: the bank waits for both (awready low), so dropping awvalid withdraws a stalled transfer.
            sim.in("s_axil_awvalid").set(1);
            sim.in("s_axil_awaddr").set(0x30);
            sim.cycle();
            sim.in("s_axil_awvalid").set(0);
            ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::cycle);
            assertTrue(v.getMessage().contains("AW") && v.getMessage().contains("dropped before"), v.getMessage());
        }
        try (SimLink link = SimLink.open(Devices.SOFTMAX, SimLink.Options.fast())) {
            var sim = link.sim();
            sim.in("s_axil_awvalid").set(1);
            sim.in("s_axil_awaddr").set(0x30);
            sim.cycle();
            sim.in("s_axil_awaddr").set(0x34);
            ProtocolViolation v = assertThrows(ProtocolViolation.class, sim::cycle);
            assertTrue(v.getMessage().contains("s_axil_awaddr changed while stalled"), v.getMessage());
        }
    }
}
