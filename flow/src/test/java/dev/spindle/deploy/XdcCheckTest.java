package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board XDC files against the generated top, both ways (tclsh reads each XDC with Vivado stubbed). */
class XdcCheckTest {
    private static List<String> problems(Board board, BuildDirectory.Layout layout) {
        var run = StubbedVivado.run(layout.dir(), layout.xdc().getFileName().toString(), List.of(), Map.of());
        assertTrue(run.ok(), run.output());
        return XdcCheck.check(board, layout.xdc(), layout.top(), run.calls());
    }

    @Test
    void everyBoardsXdcMatchesItsTop(@TempDir Path dir) {
        for (Board b : Board.ALL) {
            var layout = StubbedVivado.write(b, dir.resolve(b.name()));
            assertEquals(List.of(), problems(b, layout), b.name());
            assertEquals(7, XdcCheck.ports(layout.top()).size());
            assertEquals(b.lanes(), XdcCheck.ports(layout.top()).get("pci_exp_rxp"));
        }
    }

    @Test
    void aPinRemovedFromTheXdcIsCaughtNamingThePortAndTheFile(@TempDir Path dir) throws IOException {
        var layout = StubbedVivado.write(Board.VCU118, dir);
        edit(layout.xdc(), "set_property PACKAGE_PIN AM17 [get_ports pcie_perst_n]\n", "");
        var e = assertThrows(DeployException.class, () -> DryRun.run(layout, Board.VCU118, 0.8, quiet()));
        assertTrue(e.getMessage().contains(layout.xdc() + ": port pcie_perst_n of " + layout.top() + " has no PACKAGE_PIN"), e.getMessage());
    }

    @Test
    void aPortRemovedFromTheTopIsCaughtNamingThePortAndTheFile(@TempDir Path dir) throws IOException {
        var layout = StubbedVivado.write(Board.U250, dir);
        edit(layout.top(), "  input wire pcie_perst_n,\n", "");
        var e = assertThrows(DeployException.class, () -> DryRun.run(layout, Board.U250, 0.8, quiet()));
        assertTrue(e.getMessage().contains(layout.xdc() + ": constrains port pcie_perst_n (line 11), which " + layout.top() + " does not have"),
                e.getMessage());
    }

    @Test
    void aMissingIostandardAWrongPinAndAWrongClockAreEachNamed(@TempDir Path dir) throws IOException {
        var layout = StubbedVivado.write(Board.KCU105, dir);
        edit(layout.xdc(), "set_property IOSTANDARD LVCMOS18 [get_ports pcie_perst_n]\n", "");
        edit(layout.xdc(), "PACKAGE_PIN AB6 ", "PACKAGE_PIN AB8 ");
        edit(layout.xdc(), "-period 10.000", "-period 4.000");
        List<String> p = problems(Board.KCU105, layout);
        assertTrue(p.contains(layout.xdc() + ": port pcie_perst_n of " + layout.top() + " has no IOSTANDARD"), p.toString());
        assertTrue(p.contains(layout.xdc() + ": port pcie_refclk_p has PACKAGE_PIN AB8, the board's is AB6 (docs/deploy.md)"), p.toString());
        assertTrue(p.contains(layout.xdc() + ": create_clock on port pcie_refclk_p has period 4.0 ns, the PCIe refclk's is 10.000 ns (100 MHz)"), p.toString());
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void anUnbalancedBraceFailsTheParseCheckNamingTheFile(@TempDir Path dir) throws IOException {
        var layout = StubbedVivado.write(Board.U50, dir);
        edit(layout.dir().resolve("build.tcl"), "spindle_step opt_design {", "spindle_step opt_design {{");
        var e = assertThrows(DeployException.class, () -> DryRun.run(layout, Board.U50, 0.8, quiet()));
        assertTrue(e.getMessage().contains(layout.dir().resolve("build.tcl") + ": incomplete Tcl"), e.getMessage());
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String s = Files.readString(file);
        assertTrue(s.contains(from), file + " has no '" + from + "'");
        Files.writeString(file, s.replace(from, to));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
