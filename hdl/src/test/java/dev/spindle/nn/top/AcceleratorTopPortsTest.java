package dev.spindle.nn.top;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top's ports are exactly the XDMA user side (the contract with the deployment flow), for every data width. */
class AcceleratorTopPortsTest {
    static List<Manifest.Port> contract(int w) {
        List<Manifest.Port> p = new ArrayList<>();
        String[][] axil = {{"awaddr", "in", "32"}, {"awprot", "in", "3"}, {"awvalid", "in", "1"}, {"awready", "out", "1"},
                {"wdata", "in", "32"}, {"wstrb", "in", "4"}, {"wvalid", "in", "1"}, {"wready", "out", "1"}, {"bresp", "out", "2"},
                {"bvalid", "out", "1"}, {"bready", "in", "1"}, {"araddr", "in", "32"}, {"arprot", "in", "3"}, {"arvalid", "in", "1"},
                {"arready", "out", "1"}, {"rdata", "out", "32"}, {"rresp", "out", "2"}, {"rvalid", "out", "1"}, {"rready", "in", "1"}};
        for (String[] s : axil) p.add(new Manifest.Port("s_axil_" + s[0], s[1], Integer.parseInt(s[2])));
        for (String[] dir : new String[][] {{"s_axis_h2c", "in", "out"}, {"m_axis_c2h", "out", "in"}}) {
            p.add(new Manifest.Port(dir[0] + "_tdata", dir[1], w));
            p.add(new Manifest.Port(dir[0] + "_tkeep", dir[1], w / 8));
            p.add(new Manifest.Port(dir[0] + "_tlast", dir[1], 1));
            p.add(new Manifest.Port(dir[0] + "_tvalid", dir[1], 1));
            p.add(new Manifest.Port(dir[0] + "_tready", dir[2], 1));
        }
        p.add(new Manifest.Port("axi_aclk", "in", 1));
        p.add(new Manifest.Port("axi_aresetn", "in", 1));
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 128, 256, 512})
    void portsAreTheXdmaUserSide(int w) {
        VerilogOutput out = Accelerators.generate(Accelerators.config("dot", Map.of("dataWidth", String.valueOf(w), "length", "40")));
        assertEquals("AcceleratorTop", out.top());
        assertEquals(contract(w), out.manifest().ports());
        Manifest.ClockDomainInfo d = out.manifest().clockDomains().getFirst();
        assertEquals(List.of("axi_aclk", "axi_aresetn", "SYNC", "LOW"), List.of(d.clock(), d.reset(), d.resetKind(), d.resetActive()));
        AcceleratorTop.Config c = (AcceleratorTop.Config) out.manifest().config();
        assertEquals(w, c.dataWidth());
        assertEquals(Accelerators.idHash(c), c.idHash());
        assertNotEquals(AcceleratorRegisters.Id.ZERO_HASH, c.idHash());
        assertTrue(out.manifestJson().contains("\"idHash\" : \"" + c.idHash() + "\""), "the manifest carries the ID hash");
    }

    @ParameterizedTest
    @ValueSource(strings = {"length=16", "length=17"})
    void theHashCoversTheConfiguration(String setting) {
        String a = Accelerators.idHash(Accelerators.config("dot", Map.of("length", "16")));
        String b = Accelerators.idHash(Accelerators.config("dot", Map.of(setting.split("=")[0], setting.split("=")[1])));
        assertEquals(setting.equals("length=16"), a.equals(b));
    }
}
