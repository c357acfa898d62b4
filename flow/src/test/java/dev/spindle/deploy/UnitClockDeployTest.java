package dev.spindle.deploy;

import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An accelerator top whose unit has its own clock ({@code unitClockNs}) deploys: the port contract accepts
 * {@code unit_aclk} with the manifest's period, the board top makes it with an MMCM from axi_aclk (exact
 * frequency, VCO in range), the build directory declares the two clocks asynchronous, and Yosys elaborates the
 * whole board top with Xilinx's primitive library (every port of every instance exists).
 */
class UnitClockDeployTest {
    @Test void mmcmSettingsHitThePeriodExactlyWithTheVcoInRange() {
        for (double ns : new double[] {2, 2.5, 3, 3.3, 5, 6, 8, 10, 40}) {
            UnitClock.Mmcm m = UnitClock.settings(ns);
            assertEquals(1000.0 / ns, m.outMhz(), 1e-9, "output frequency for " + ns + " ns");
            assertTrue(m.vcoMhz() >= 800 && m.vcoMhz() <= 1440, "VCO " + m.vcoMhz() + " MHz for " + ns + " ns");
            assertEquals(m.vcoMhz(), 250 * m.mult() / m.divclk(), 1e-9, "VCO = 250 MHz x mult / divclk");
        }
        var e = assertThrows(DeployException.class, () -> UnitClock.settings(2.0001));
        assertTrue(e.getMessage().startsWith("unitClockNs = 2.0001: no MMCM setting"), e.getMessage());
    }

    @Test void theBoardTopDrivesTheUnitClockAndYosysElaboratesIt(@TempDir Path dir) throws Exception {
        Board board = Board.KCU105;
        AcceleratorTop.Config c = Accelerators.config("softmax", Map.of("length", "16", "lanes", "2",
                "dataWidth", Integer.toString(board.dataWidth()), "unitClockNs", "6"));
        VerilogOutput accel = Accelerators.generate(c);
        AcceleratorPorts.Checked ports = AcceleratorPorts.check(accel.manifest(), "manifest");
        assertEquals(6.0, ports.unitClockNs(), "the unit clock's period from the manifest");
        assertTrue(ports.wires().stream().anyMatch(w -> w.port().equals(UnitClock.PORT)), "unit_aclk is wired");

        BuildDirectory.Layout layout = BuildDirectory.write(dir, board, accel, ports);
        String top = Files.readString(layout.top());
        assertTrue(top.contains("MMCME3_BASE #(") && top.contains(".unit_aclk(unit_aclk)"), top);
        assertTrue(Files.readString(dir.resolve(UnitClock.XDC_FILE)).contains("set_clock_groups -asynchronous"), "asynchronous clock groups");
        assertTrue(Files.readString(dir.resolve(BuildDirectory.SETTINGS)).contains("set spindle(xdc_extra) [list {" + UnitClock.XDC_FILE + "}]"));

        List<String> script = new ArrayList<>(List.of("read_verilog -lib +/xilinx/cells_xtra.v", "read_verilog -lib " + layout.stub()));
        for (Path v : layout.verilog()) script.add("read_verilog " + v);
        script.add("hierarchy -check -top " + XdmaTop.MODULE);
        Process p = new ProcessBuilder("yosys", "-q", "-p", String.join("; ", script)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "yosys hierarchy -check of the board top:\n" + out);
    }

    @Test void aTopWithoutTheUnitClockIsUnchanged(@TempDir Path dir) throws IOException {
        Board board = Board.KCU105;
        VerilogOutput accel = Accelerators.generate(Accelerators.config("softmax", Map.of("length", "16", "lanes", "2",
                "dataWidth", Integer.toString(board.dataWidth()))));
        AcceleratorPorts.Checked ports = AcceleratorPorts.check(accel.manifest(), "manifest");
        assertEquals(0.0, ports.unitClockNs());
        BuildDirectory.Layout layout = BuildDirectory.write(dir, board, accel, ports);
        assertTrue(!Files.readString(layout.top()).contains("MMCM"), "no MMCM without a unit clock");
        assertTrue(!Files.exists(dir.resolve(UnitClock.XDC_FILE)));
        assertTrue(Files.readString(dir.resolve(BuildDirectory.SETTINGS)).contains("set spindle(xdc_extra) [list]"));
    }
}
