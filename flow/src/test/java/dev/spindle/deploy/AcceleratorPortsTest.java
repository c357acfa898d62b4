package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.hdl.verilog.Manifest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accelerator-top port contract, read from the manifest. */
class AcceleratorPortsTest {
    @Test
    void theFixtureMatchesTheContract() {
        var checked = AcceleratorPorts.check(AcceleratorFixture.of(512, 16).manifest(), "fixture");
        assertEquals(512, checked.dataWidth());
        assertEquals(12, checked.axilAddressWidth());
        assertEquals(2 + 19 + 10, checked.wires().size());
    }

    @Test
    void aMissingPortIsNamedWithItsDirectionAndWidth() {
        var m = AcceleratorFixture.without(AcceleratorFixture.of(256, 16), "m_axis_c2h_tkeep").manifest();
        var e = assertThrows(DeployException.class, () -> AcceleratorPorts.check(m, "manifest.json"));
        assertTrue(e.getMessage().contains("manifest.json: top AccelFixture does not match the accelerator port contract:\n  missing port m_axis_c2h_tkeep (out, 32 bit)"),
                e.getMessage());
    }

    @Test
    void aWrongWidthAnExtraPortAndAForeignTopAreRefused() {
        Manifest m = AcceleratorFixture.of(256, 16).manifest();
        List<Manifest.Port> ports = new ArrayList<>();
        for (Manifest.Port p : m.ports()) ports.add(p.name().equals("s_axil_rdata") ? new Manifest.Port(p.name(), "out", 64) : p);
        ports.add(new Manifest.Port("io_debug", "out", 1));
        var bad = new Manifest(m.generator(), m.top(), m.files(), ports, m.clockDomains(), m.configType(), m.config(), m.verilogSha256(), m.renamed());
        var e = assertThrows(DeployException.class, () -> AcceleratorPorts.check(bad, "m.json"));
        assertTrue(e.getMessage().contains("port s_axil_rdata is out 64 bit, the contract says out 32 bit"), e.getMessage());
        assertTrue(e.getMessage().contains("port io_debug is not in the contract"), e.getMessage());
        var counter = new Manifest("g", "Counter", List.of(), List.of(new Manifest.Port("io_value", "out", 8)), List.of(), "c", null, null, List.of());
        var f = assertThrows(DeployException.class, () -> AcceleratorPorts.check(counter, "counter"));
        assertTrue(f.getMessage().contains("top Counter is not an accelerator top: it has no s_axis_h2c_tdata port"), f.getMessage());
    }

    @Test
    void aDataWidthOtherThanTheBoardsIsRefusedWithTheWidthToUse() {
        var checked = AcceleratorPorts.check(AcceleratorFixture.of(64, 16).manifest(), "fixture");
        var e = assertThrows(DeployException.class, () -> XdmaTop.verilog(Board.VCU118, checked));
        assertTrue(e.getMessage().contains("streams 64-bit data, but the XDMA IP on Xilinx VCU118 (Gen3 x16 at 250 MHz) has a 512-bit AXI4-Stream"),
                e.getMessage());
    }
}
