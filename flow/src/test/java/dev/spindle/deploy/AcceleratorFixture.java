package dev.spindle.deploy;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in accelerator top with exactly the contract's ports (issue 12): it passes H2C beats to C2H through a
 * chain of {@code stages} memories of {@code depth} words each and answers every AXI4-Lite read with a constant
 * ID. Many large memories make a design that cannot fit a board.
 */
final class AcceleratorFixture {
    static final String TOP = "AccelFixture";

    private AcceleratorFixture() {}

    static VerilogOutput of(int dataWidth, int depth) {
        return of(dataWidth, depth, 1);
    }

    static VerilogOutput of(int dataWidth, int depth, int stages) {
        int k = dataWidth / 8;
        int addrBits = Integer.numberOfTrailingZeros(Integer.highestOneBit(depth)) + (Integer.bitCount(depth) == 1 ? 0 : 1);
        String v = """
                // Test fixture: contract ports of the accelerator top; echoes H2C to C2H through a memory.
                module AccelFixture (
                PORTS
                );
                  reg [A-1:0] wr;
                  reg [A-1:0] rd;
                  wire push = s_axis_h2c_tvalid && s_axis_h2c_tready;
                  wire pop = !m_axis_c2h_tvalid || m_axis_c2h_tready;
                  wire [W-1:0] link [0:STAGES];
                  assign link[0] = s_axis_h2c_tdata;
                  genvar g;
                  generate for (g = 0; g < STAGES; g = g + 1) begin : stage
                    reg [W-1:0] mem [0:DEPTH-1];
                    reg [W-1:0] q;
                    always @(posedge axi_aclk) begin
                      if (push) mem[wr] <= link[g];
                      if (pop) q <= mem[rd];
                    end
                    assign link[g + 1] = q;
                  end endgenerate
                  assign s_axis_h2c_tready = 1'b1;
                  assign m_axis_c2h_tkeep = {K{1'b1}};
                  assign m_axis_c2h_tlast = 1'b1;
                  always @(posedge axi_aclk) begin
                    m_axis_c2h_tdata <= link[STAGES];
                    if (!axi_aresetn) begin
                      wr <= 0; rd <= 0; m_axis_c2h_tvalid <= 1'b0;
                    end else begin
                      if (push) wr <= wr + 1'b1;
                      if (pop) begin m_axis_c2h_tvalid <= wr != rd; if (wr != rd) rd <= rd + 1'b1; end
                    end
                  end
                  assign s_axil_awready = 1'b1;
                  assign s_axil_wready = 1'b1;
                  assign s_axil_bresp = 2'b00;
                  assign s_axil_arready = 1'b1;
                  assign s_axil_rdata = 32'h5350494e ^ {20'd0, s_axil_araddr};
                  assign s_axil_rresp = 2'b00;
                  always @(posedge axi_aclk) begin
                    if (!axi_aresetn) begin
                      s_axil_bvalid <= 1'b0; s_axil_rvalid <= 1'b0;
                    end else begin
                      if (s_axil_wvalid) s_axil_bvalid <= 1'b1; else if (s_axil_bready) s_axil_bvalid <= 1'b0;
                      if (s_axil_arvalid) s_axil_rvalid <= 1'b1; else if (s_axil_rready) s_axil_rvalid <= 1'b0;
                    end
                  end
                endmodule
                """.replace("PORTS", portList(dataWidth)).replace("[W-1:0]", "[" + (dataWidth - 1) + ":0]").replace("[K-1:0]", "[" + (k - 1) + ":0]")
                .replace("{K{", "{" + k + "{").replace("[A-1:0]", "[" + (addrBits - 1) + ":0]")
                .replace("DEPTH-1", Integer.toString(depth - 1)).replace("STAGES", Integer.toString(stages));
        List<Manifest.Port> ports = new ArrayList<>();
        for (AcceleratorPorts.Wire w : AcceleratorPorts.contract(dataWidth, 12)) ports.add(new Manifest.Port(w.port(), w.direction(), w.width()));
        Manifest m = new Manifest("test fixture", TOP, List.of(TOP + ".v"), ports, List.of(), "fixture", Map.of("dataWidth", dataWidth),
                "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", List.of());
        Map<String, String> files = new LinkedHashMap<>();
        files.put(TOP + ".v", v);
        return new VerilogOutput(TOP, files, m, Map.of());
    }

    /** Outputs the fixture drives from an always block. */
    private static final Set<String> REGISTERED = Set.of("s_axil_bvalid", "s_axil_rvalid", "m_axis_c2h_tdata", "m_axis_c2h_tvalid");

    /** The module's port declarations, one per contract port and in its order (12-bit AXI4-Lite addresses). */
    private static String portList(int dataWidth) {
        List<String> lines = new ArrayList<>();
        for (AcceleratorPorts.Wire w : AcceleratorPorts.contract(dataWidth, 12)) {
            String kind = w.direction().equals("in") ? "input  wire" : REGISTERED.contains(w.port()) ? "output reg " : "output wire";
            lines.add("  " + kind + (w.width() == 1 ? " " : " [" + (w.width() - 1) + ":0] ") + w.port());
        }
        return String.join(",\n", lines);
    }

    /** The same fixture with one manifest port removed. */
    static VerilogOutput without(VerilogOutput out, String port) {
        Manifest m = out.manifest();
        List<Manifest.Port> ports = m.ports().stream().filter(p -> !p.name().equals(port)).toList();
        return new VerilogOutput(out.top(), out.files(), new Manifest(m.generator(), m.top(), m.files(), ports, m.clockDomains(),
                m.configType(), m.config(), m.verilogSha256(), m.renamed()), out.blackBoxStubs());
    }
}
