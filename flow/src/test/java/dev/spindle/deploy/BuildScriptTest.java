package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build.tcl under tclsh with Vivado stubbed: the recorded calls, in order, with their arguments. */
class BuildScriptTest {
    @Test
    void vcu118SequenceWithTheXdmaKeys(@TempDir Path dir) {
        var run = StubbedVivado.run(StubbedVivado.write(Board.VCU118, dir).dir(), "build.tcl", List.of(), Map.of());
        assertTrue(run.ok(), run.output());
        assertEquals(List.of(
                List.of("version", "-short"),
                List.of("create_project", "-in_memory", "-part", "xcvu9p-flga2104-2L-e"),
                List.of("current_project"),
                List.of("set_property", "target_language", "Verilog", "project"),
                List.of("create_ip", "-name", "xdma", "-vendor", "xilinx.com", "-library", "ip", "-version", "4.1", "-module_name", "xdma_0", "-dir", "ip", "-force"),
                List.of("get_ips", "xdma_0"),
                List.of("get_property", "IPDEF", "xdma_0"),
                List.of("set_property", "-dict", "CONFIG.mode_selection Advanced CONFIG.xdma_axi_intf_mm AXI_Stream"
                        + " CONFIG.pl_link_cap_max_link_speed 8.0_GT/s CONFIG.pl_link_cap_max_link_width X16 CONFIG.axi_data_width 512_bit"
                        + " CONFIG.axisten_freq 250 CONFIG.axilite_master_en true CONFIG.axilite_master_size 1 CONFIG.axilite_master_scale Megabytes"
                        + " CONFIG.xdma_rnum_chnl 1 CONFIG.xdma_wnum_chnl 1 CONFIG.xdma_num_usr_irq 1 CONFIG.pf0_device_id 903F"
                        + " CONFIG.cfg_mgmt_if false CONFIG.plltype QPLL1 CONFIG.en_gt_selection true CONFIG.select_quad GTY_Quad_227"
                        + " CONFIG.pcie_blk_locn X1Y2", "xdma_0")),
                run.calls().subList(0, 8));
        // Every key is read back, then the IP is generated and synthesised out of context.
        assertEquals(18, run.calls("get_property").stream().filter(c -> c.get(1).startsWith("CONFIG.")).count());
        List<List<String>> tail = run.calls().subList(8 + 18, run.calls().size()).stream()
                .filter(c -> !c.getFirst().equals("get_cells")).toList();
        assertEquals(List.of(
                List.of("generate_target", "synthesis instantiation_template", "xdma_0"),
                List.of("synth_ip", "xdma_0"),
                List.of("read_verilog", "rtl/AccelFixture.v"),
                List.of("read_verilog", "rtl/spindle_xdma_top.v"),
                List.of("read_xdc", "vcu118.xdc"),
                List.of("synth_design", "-top", "spindle_xdma_top", "-part", "xcvu9p-flga2104-2L-e"),
                List.of("write_checkpoint", "-force", "out/post_synth.dcp"),
                List.of("report_utilization", "-file", "reports/utilization_synth.rpt"),
                List.of("opt_design"),
                List.of("place_design"),
                List.of("phys_opt_design"),
                List.of("route_design"),
                List.of("write_checkpoint", "-force", "out/post_route.dcp"),
                List.of("report_utilization", "-file", "reports/utilization.rpt"),
                List.of("report_utilization", "-cells", "xdma_0", "-file", "reports/utilization_xdma.rpt"),
                List.of("report_timing_summary", "-max_paths", "10", "-report_unconstrained", "-file", "reports/timing_summary.rpt"),
                List.of("report_route_status", "-file", "reports/route_status.rpt"),
                List.of("get_timing_paths", "-delay_type", "max", "-max_paths", "1", "-nworst", "1"),
                List.of("get_property", "SLACK", "path:max"),
                List.of("get_timing_paths", "-delay_type", "min", "-max_paths", "1", "-nworst", "1"),
                List.of("get_property", "SLACK", "path:min"),
                List.of("write_bitstream", "-force", "out/spindle_xdma_top.bit"),
                List.of("write_cfgmem", "-force", "-format", "mcs", "-size", "256", "-interface", "SPIx8",
                        "-loadbit", "up 0x00000000 out/spindle_xdma_top.bit", "-checksum", "-file", "out/spindle_xdma_top.mcs")),
                tail);
        assertTrue(Files.exists(dir.resolve("out/spindle_xdma_top_primary.mcs")));
        assertTrue(run.output().contains("spindle: synth_design done in "), run.output());
    }

    @Test
    void kcu105UsesGen3X8On256BitsAndTheGthQuad(@TempDir Path dir) {
        var run = StubbedVivado.run(StubbedVivado.write(Board.KCU105, dir).dir(), "build.tcl", List.of(), Map.of());
        assertTrue(run.ok(), run.output());
        assertEquals(List.of("create_project", "-in_memory", "-part", "xcku040-ffva1156-2-e"), run.calls("create_project").getFirst());
        assertEquals(List.of("set_property", "-dict", "CONFIG.mode_selection Advanced CONFIG.xdma_axi_intf_mm AXI_Stream"
                        + " CONFIG.pl_link_cap_max_link_speed 8.0_GT/s CONFIG.pl_link_cap_max_link_width X8 CONFIG.axi_data_width 256_bit"
                        + " CONFIG.axisten_freq 250 CONFIG.axilite_master_en true CONFIG.axilite_master_size 1 CONFIG.axilite_master_scale Megabytes"
                        + " CONFIG.xdma_rnum_chnl 1 CONFIG.xdma_wnum_chnl 1 CONFIG.xdma_num_usr_irq 1 CONFIG.pf0_device_id 9038"
                        + " CONFIG.cfg_mgmt_if false CONFIG.plltype QPLL1 CONFIG.en_gt_selection true CONFIG.select_quad GTH_Quad_225"
                        + " CONFIG.pcie_blk_locn X0Y0", "xdma_0"),
                run.calls("set_property").stream().filter(c -> c.get(1).equals("-dict")).findFirst().orElseThrow());
        assertEquals(List.of(List.of("read_verilog", "rtl/AccelFixture.v"), List.of("read_verilog", "rtl/spindle_xdma_top.v")), run.calls("read_verilog"));
        assertEquals(List.of(List.of("read_xdc", "kcu105.xdc")), run.calls("read_xdc"));
        assertEquals(List.of(List.of("synth_design", "-top", "spindle_xdma_top", "-part", "xcku040-ffva1156-2-e")), run.calls("synth_design"));
        assertEquals(List.of(List.of("write_cfgmem", "-force", "-format", "mcs", "-size", "64", "-interface", "SPIx8",
                "-loadbit", "up 0x00000000 out/spindle_xdma_top.bit", "-checksum", "-file", "out/spindle_xdma_top.mcs")), run.calls("write_cfgmem"));
    }

    @Test
    void alveoFlashImageKeepsTheGoldenImage(@TempDir Path dir) {
        var run = StubbedVivado.run(StubbedVivado.write(Board.U250, dir).dir(), "build.tcl", List.of(), Map.of());
        assertTrue(run.ok(), run.output());
        assertEquals(List.of(List.of("write_cfgmem", "-force", "-format", "mcs", "-size", "128", "-interface", "SPIx4",
                "-loadbit", "up 0x01002000 out/spindle_xdma_top.bit", "-checksum", "-file", "out/spindle_xdma_top.mcs")), run.calls("write_cfgmem"));
    }

    @Test
    void negativeSlackStopsBeforeTheBitstreamUnlessAllowed(@TempDir Path dir) {
        Path d = StubbedVivado.write(Board.U50, dir).dir();
        var failed = StubbedVivado.run(d, "build.tcl", List.of(), Map.of("SPINDLE_STUB_WHS", "-0.042"));
        assertFalse(failed.ok());
        assertTrue(failed.output().contains("negative slack (WNS 0.100 ns, WHS -0.042 ns)"), failed.output());
        assertTrue(failed.calls("write_bitstream").isEmpty());
        var allowed = StubbedVivado.run(d, "build.tcl", List.of("--allow-negative-slack"), Map.of("SPINDLE_STUB_WNS", "-1.5"));
        assertTrue(allowed.ok(), allowed.output());
        assertTrue(allowed.output().contains("warning: negative slack allowed"), allowed.output());
        assertEquals(1, allowed.calls("write_bitstream").size());
        var typo = StubbedVivado.run(d, "build.tcl", List.of("--allow-negative"), Map.of());
        assertTrue(typo.output().contains("unknown argument --allow-negative"), typo.output());
    }

    @Test
    void anotherVivadoReleaseIsRefusedBeforeAnythingIsBuilt(@TempDir Path dir) {
        var run = StubbedVivado.run(StubbedVivado.write(Board.VCU118, dir).dir(), "build.tcl", List.of(), Map.of("SPINDLE_STUB_VERSION", "2023.1"));
        assertFalse(run.ok());
        assertTrue(run.output().contains("written for Vivado 2024.2") && run.output().contains("this is Vivado 2023.1"), run.output());
        assertEquals(List.of(List.of("version", "-short")), run.calls());
    }

    @Test
    void programAndFlashScriptsNeedTheBuildOutputs(@TempDir Path dir) {
        Path d = StubbedVivado.write(Board.KCU105, dir).dir();
        var before = StubbedVivado.run(d, "program.tcl", List.of(), Map.of());
        assertFalse(before.ok());
        assertTrue(before.output().contains("no bitstream") && before.output().contains("run build.sh first"), before.output());
        assertTrue(StubbedVivado.run(d, "build.tcl", List.of(), Map.of()).ok());
        var program = StubbedVivado.run(d, "program.tcl", List.of("SERIAL42"), Map.of());
        assertFalse(program.ok(), "the stub's only JTAG target has serial STUB0001");
        assertTrue(program.output().contains("no JTAG target with serial SERIAL42"), program.output());
        program = StubbedVivado.run(d, "program.tcl", List.of(), Map.of());
        assertTrue(program.ok(), program.output());
        assertEquals(List.of(List.of("get_hw_devices", "xcku040*")), program.calls("get_hw_devices"));
        assertEquals(List.of("program_hw_devices", "xcku040_0"), program.calls("program_hw_devices").getFirst());
        var flash = StubbedVivado.run(d, "flash.tcl", List.of(), Map.of());
        assertTrue(flash.ok(), flash.output());
        assertTrue(flash.calls("set_property").stream().anyMatch(c -> c.get(1).equals("PROGRAM.FILES") && c.get(2).contains("spindle_xdma_top_primary.mcs")
                && c.get(2).contains("spindle_xdma_top_secondary.mcs")), flash.calls().toString());
        assertEquals(List.of("get_cfgmem_parts", "n25q256-1.8v-spi-x1_x2_x4_x8"), flash.calls("get_cfgmem_parts").getFirst());
    }
}
