package dev.spindle.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * The pinned Vivado release and XDMA IP ("DMA/Bridge Subsystem for PCI Express", PG195), how it is configured
 * for a board, its ports in AXI4-Stream mode with the AXI4-Lite master, and the footprint the fit check adds
 * for it. The build script refuses any other Vivado release or IP version.
 */
public final class XdmaIp {
    /** The Vivado release the scripts are written for; {@code version -short} must print exactly this. */
    public static final String VIVADO_VERSION = "2024.2";
    /** The XDMA IP version that release ships (PG195 v4.1, 2024-12-18, is the product guide of that release). */
    public static final String VLNV = "xilinx.com:ip:xdma:4.1";
    /** The IP instance and module name in the generated top. */
    public static final String MODULE = "xdma_0";
    /** AXI4-Lite master window on BAR0, in megabytes (the accelerator decodes the low bits it needs). */
    public static final int AXIL_MEGABYTES = 1;
    /** The user clock of the AXI4-Stream and AXI4-Lite side, MHz. */
    public static final int AXI_CLOCK_MHZ = 250;
    /** User interrupt lines (tied low: the host polls). */
    public static final int USER_IRQS = 1;

    private XdmaIp() {}

    /**
     * {@code CONFIG.*} keys for {@code set_property -dict}, in the order the script sets them: the mode and the
     * link first, then the data path, the AXI4-Lite master on BAR0, the PCI IDs, and the board's placement.
     */
    public static SequencedMap<String, String> config(Board board) {
        SequencedMap<String, String> c = new LinkedHashMap<>();
        c.put("mode_selection", "Advanced");
        c.put("xdma_axi_intf_mm", "AXI_Stream");
        c.put("pl_link_cap_max_link_speed", "8.0_GT/s");
        c.put("pl_link_cap_max_link_width", board.linkWidth());
        c.put("axi_data_width", board.dataWidth() + "_bit");
        c.put("axisten_freq", Integer.toString(AXI_CLOCK_MHZ));
        c.put("axilite_master_en", "true");
        c.put("axilite_master_size", Integer.toString(AXIL_MEGABYTES));
        c.put("axilite_master_scale", "Megabytes");
        c.put("xdma_rnum_chnl", "1");
        c.put("xdma_wnum_chnl", "1");
        c.put("xdma_num_usr_irq", Integer.toString(USER_IRQS));
        c.put("pf0_device_id", deviceId(board));
        c.put("cfg_mgmt_if", "false");
        c.put("plltype", "QPLL1");
        c.putAll(board.placement());
        return c;
    }

    /**
     * A device id from the XDMA driver's table (dma_ip_drivers xdma_mod.c): 0x9038 for Gen3 x8, 0x903F for
     * Gen3 x16, so the stock driver binds without a rebuild.
     */
    public static String deviceId(Board board) {
        return board.lanes() == 16 ? "903F" : "9038";
    }

    /** A port of the IP: name, direction ("in"/"out", as in manifests), width. */
    public record Port(String name, String direction, int width) {}

    /** The IP's ports in this configuration (Xilinx's example design xilinx_dma_pcie_ep.sv wires the same). */
    public static List<Port> ports(Board board) {
        int w = board.dataWidth();
        List<Port> p = new ArrayList<>();
        p.add(new Port("sys_clk", "in", 1));
        p.add(new Port("sys_clk_gt", "in", 1));
        p.add(new Port("sys_rst_n", "in", 1));
        p.add(new Port("user_lnk_up", "out", 1));
        p.add(new Port("pci_exp_txp", "out", board.lanes()));
        p.add(new Port("pci_exp_txn", "out", board.lanes()));
        p.add(new Port("pci_exp_rxp", "in", board.lanes()));
        p.add(new Port("pci_exp_rxn", "in", board.lanes()));
        p.add(new Port("axi_aclk", "out", 1));
        p.add(new Port("axi_aresetn", "out", 1));
        p.add(new Port("usr_irq_req", "in", USER_IRQS));
        p.add(new Port("usr_irq_ack", "out", USER_IRQS));
        p.add(new Port("msi_enable", "out", 1));
        p.add(new Port("msi_vector_width", "out", 3));
        for (String s : new String[] {"aw", "ar"}) {
            p.add(new Port("m_axil_" + s + "addr", "out", 32));
            p.add(new Port("m_axil_" + s + "prot", "out", 3));
            p.add(new Port("m_axil_" + s + "valid", "out", 1));
            p.add(new Port("m_axil_" + s + "ready", "in", 1));
        }
        p.add(new Port("m_axil_wdata", "out", 32));
        p.add(new Port("m_axil_wstrb", "out", 4));
        p.add(new Port("m_axil_wvalid", "out", 1));
        p.add(new Port("m_axil_wready", "in", 1));
        p.add(new Port("m_axil_bvalid", "in", 1));
        p.add(new Port("m_axil_bresp", "in", 2));
        p.add(new Port("m_axil_bready", "out", 1));
        p.add(new Port("m_axil_rdata", "in", 32));
        p.add(new Port("m_axil_rresp", "in", 2));
        p.add(new Port("m_axil_rvalid", "in", 1));
        p.add(new Port("m_axil_rready", "out", 1));
        p.add(new Port("m_axis_h2c_tdata_0", "out", w));
        p.add(new Port("m_axis_h2c_tkeep_0", "out", w / 8));
        p.add(new Port("m_axis_h2c_tlast_0", "out", 1));
        p.add(new Port("m_axis_h2c_tvalid_0", "out", 1));
        p.add(new Port("m_axis_h2c_tready_0", "in", 1));
        p.add(new Port("s_axis_c2h_tdata_0", "in", w));
        p.add(new Port("s_axis_c2h_tkeep_0", "in", w / 8));
        p.add(new Port("s_axis_c2h_tlast_0", "in", 1));
        p.add(new Port("s_axis_c2h_tvalid_0", "in", 1));
        p.add(new Port("s_axis_c2h_tready_0", "out", 1));
        return p;
    }

    /**
     * What the fit check reserves for the IP itself. PG195's "Performance and Resource Utilization" section
     * (v4.1) gives no table of its own: it points to the IP's resource-utilization web page, of which no copy
     * could be read here. These are therefore a stated, conservative budget for one H2C and one C2H AXI4-Stream
     * channel with the AXI4-Lite master (the hard PCIe block itself uses no fabric), to be replaced by
     * {@code report_utilization -cells xdma_0} from the first real build (the build script writes it).
     */
    public static Capacity footprint(Board board) {
        return board.dataWidth() == 512
                ? new Capacity(60_000, 80_000, 0, 80, 0, "budget (PG195 v4.1 has no table; see XdmaIp.footprint)")
                : new Capacity(35_000, 45_000, 0, 45, 0, "budget (PG195 v4.1 has no table; see XdmaIp.footprint)");
    }
}
