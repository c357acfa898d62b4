package dev.spindle.deploy;

import dev.spindle.hdl.verilog.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The accelerator-top port contract (issue 12): exactly the XDMA IP's user side, read from the design's
 * manifest, so the Vivado top connects the two without glue. {@link #check} refuses a design whose manifest
 * lacks a port, has it in the wrong direction or width, or has a port the contract does not know.
 */
public final class AcceleratorPorts {
    /** Data widths the XDMA IP offers on its AXI4-Stream side. */
    public static final Set<Integer> DATA_WIDTHS = Set.of(64, 128, 256, 512);

    /** One contract port: the accelerator's name, its direction, and the XDMA port it connects to. */
    public record Wire(String port, String direction, int width, String xdmaPort) {}

    /** The checked ports of one accelerator; {@code unitClockNs > 0}: it has the unit clock port ({@link UnitClock}). */
    public record Checked(String top, int dataWidth, int axilAddressWidth, List<Wire> wires, double unitClockNs) {
        public Checked(String top, int dataWidth, int axilAddressWidth, List<Wire> wires) { this(top, dataWidth, axilAddressWidth, wires, 0); }
    }

    private AcceleratorPorts() {}

    /** The contract's ports for data width {@code w} and AXI4-Lite address width {@code a}. */
    public static List<Wire> contract(int w, int a) {
        List<Wire> c = new ArrayList<>();
        c.add(new Wire("axi_aclk", "in", 1, "axi_aclk"));
        c.add(new Wire("axi_aresetn", "in", 1, "axi_aresetn"));
        String[][] axil = {
            {"awaddr", "in", "A"}, {"awprot", "in", "3"}, {"awvalid", "in", "1"}, {"awready", "out", "1"},
            {"wdata", "in", "32"}, {"wstrb", "in", "4"}, {"wvalid", "in", "1"}, {"wready", "out", "1"},
            {"bresp", "out", "2"}, {"bvalid", "out", "1"}, {"bready", "in", "1"},
            {"araddr", "in", "A"}, {"arprot", "in", "3"}, {"arvalid", "in", "1"}, {"arready", "out", "1"},
            {"rdata", "out", "32"}, {"rresp", "out", "2"}, {"rvalid", "out", "1"}, {"rready", "in", "1"},
        };
        for (String[] s : axil) {
            int width = s[2].equals("A") ? a : Integer.parseInt(s[2]);
            c.add(new Wire("s_axil_" + s[0], s[1], width, "m_axil_" + s[0]));
        }
        String[][] stream = {{"tdata", "W"}, {"tkeep", "K"}, {"tlast", "1"}, {"tvalid", "1"}, {"tready", "1"}};
        for (String[] s : stream) {
            int width = s[1].equals("W") ? w : s[1].equals("K") ? w / 8 : 1;
            boolean ready = s[0].equals("tready");
            c.add(new Wire("s_axis_h2c_" + s[0], ready ? "out" : "in", width, "m_axis_h2c_" + s[0] + "_0"));
            c.add(new Wire("m_axis_c2h_" + s[0], ready ? "in" : "out", width, "s_axis_c2h_" + s[0] + "_0"));
        }
        return c;
    }

    /**
     * @param manifest the accelerator's manifest (its {@code top} and {@code ports})
     * @param source   where the manifest came from, for messages
     */
    public static Checked check(Manifest manifest, String source) {
        Map<String, Manifest.Port> ports = new LinkedHashMap<>();
        for (Manifest.Port p : manifest.ports()) ports.put(p.name(), p);
        Manifest.Port tdata = ports.get("s_axis_h2c_tdata");
        Manifest.Port awaddr = ports.get("s_axil_awaddr");
        if (tdata == null || awaddr == null) {
            throw new DeployException(source + ": top " + manifest.top() + " is not an accelerator top: it has no "
                    + (tdata == null ? "s_axis_h2c_tdata" : "s_axil_awaddr") + " port (the XDMA user side of issue 12's"
                    + " port contract: axi_aclk, axi_aresetn, s_axil_*, s_axis_h2c_*, m_axis_c2h_*); its ports are "
                    + String.join(", ", ports.keySet()));
        }
        int w = tdata.width();
        if (!DATA_WIDTHS.contains(w)) {
            throw new DeployException(source + ": s_axis_h2c_tdata is " + w + " bits wide: the XDMA data width must be one of 64, 128, 256, 512");
        }
        int a = awaddr.width();
        if (a < 2 || a > 32) {
            throw new DeployException(source + ": s_axil_awaddr is " + a + " bits wide: allowed 2..32 (the XDMA AXI4-Lite master drives 32 address bits)");
        }
        List<Wire> wires = new ArrayList<>(contract(w, a));
        List<String> problems = new ArrayList<>();
        double unitClockNs = 0;
        if (ports.containsKey(UnitClock.PORT)) {
            // The one optional port: the unit's own clock, made in the board top by an MMCM at the manifest's period.
            Manifest.ClockDomainInfo domain = manifest.clockDomains().stream().filter(d -> d.clock().equals(UnitClock.PORT)).findFirst().orElse(null);
            if (domain == null || !(domain.periodNs() > 0)) {
                problems.add("port " + UnitClock.PORT + " is not the clock of a domain with a period in the manifest's clockDomains");
            } else {
                unitClockNs = domain.periodNs();
                wires.add(new Wire(UnitClock.PORT, "in", 1, UnitClock.PORT));
            }
        }
        if (unitClockNs == 0) ports.remove(UnitClock.PORT);   // reported above
        for (Wire wire : wires) {
            Manifest.Port p = ports.remove(wire.port());
            if (p == null) problems.add("missing port " + wire.port() + " (" + wire.direction() + ", " + wire.width() + " bit)");
            else if (!p.direction().equals(wire.direction()) || p.width() != wire.width()) {
                problems.add("port " + wire.port() + " is " + p.direction() + " " + p.width() + " bit, the contract says "
                        + wire.direction() + " " + wire.width() + " bit");
            }
        }
        for (String extra : ports.keySet()) problems.add("port " + extra + " is not in the contract (the XDMA IP would leave it unconnected)");
        if (!problems.isEmpty()) {
            throw new DeployException(source + ": top " + manifest.top() + " does not match the accelerator port contract:\n  "
                    + String.join("\n  ", problems));
        }
        return new Checked(manifest.top(), w, a, List.copyOf(wires), unitClockNs);
    }
}
