package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole dry run (Tcl, stubbed Vivado, XDC, Yosys fit) on the fixture top; one Yosys run, about 3 s. */
class DeployDryRunTest {
    @Test
    void withoutVivadoTheChecksPassAndTheBuildCommandIsGivenWithExitThree(@TempDir Path dir) throws Exception {
        assertFalse(Deployer.onPath("vivado"), "this test expects a machine without Vivado (it would start a real build)");
        var bytes = new ByteArrayOutputStream();
        var options = new DeployOptions(Board.KCU105, dir.resolve("out"), FitCheck.DEFAULT_CEILING, false, false, null, true);
        var result = new Deployer(new PrintStream(bytes, true, StandardCharsets.UTF_8)).deploy(AcceleratorFixture.of(256, 16), options);
        String log = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(Deployer.Outcome.NEEDS_VIVADO, result.outcome(), log);
        assertEquals(3, result.outcome().exitCode());
        assertTrue(log.endsWith("run:\n  " + result.dir().resolve("build.sh") + " --allow-negative-slack\n"), log);
        assertTrue(result.fit().fits(), log);
        for (String f : new String[] {"rtl/AccelFixture.v", "rtl/spindle_xdma_top.v", "rtl/xdma_0_stub.v", "manifest.json", "kcu105.xdc",
                "build.tcl", "xdma.tcl", "common.tcl", "program.tcl", "flash.tcl", "settings.tcl", "deploy.env", "build.sh",
                "fpga-program", "pcie-rescan", "README.md", DryRun.CALLS}) {
            assertTrue(Files.isRegularFile(result.dir().resolve(f)), f + " missing; log:\n" + log);
        }
        assertTrue(Files.isExecutable(result.dir().resolve("build.sh")));
        assertTrue(!Files.exists(result.dir().resolve("out")), "the stubbed build must not leave empty bitstreams in the build directory");
        String top = Files.readString(result.dir().resolve("rtl/spindle_xdma_top.v"));
        assertTrue(top.contains("IBUFDS_GTE3 #(.REFCLK_HROW_CK_SEL(2'b00)) refclk_ibuf"), top);
        assertTrue(top.contains(".s_axil_awaddr(m_axil_awaddr[11:0])"), top);
        assertTrue(top.contains(".m_axis_c2h_tready(s_axis_c2h_tready_0)"), top);
        assertTrue(top.contains("input wire [7:0] pci_exp_rxp"), top);
        assertTrue(log.contains("deploy: ok  Tcl parses: 7 files"), log);
        assertTrue(log.contains("deploy: ok  build.tcl under stubbed Vivado"), log);
        assertTrue(log.contains("deploy: ok  XDC kcu105.xdc and spindle_xdma_top.v agree"), log);
        assertTrue(log.matches("(?s).*deploy: fit LUT [\\d,]+ needed \\([\\d,]+ design \\+ 35,000 XDMA IP\\) <= 193,920 allowed \\(80% of 242,400, DS890.*"), log);
        assertTrue(log.contains("deploy: checks passed; vivado is not on PATH. On a machine with Vivado 2024.2"), log);
        assertTrue(Files.readString(result.dir().resolve("deploy.env")).contains("ID_CHECKS=''\n"), "the fixture has no ID registers");
    }
}
