package dev.spindle.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EstimateOptionsTest {
    @Test
    void defaultsToUltraScalePlusWithUram() {
        var o = EstimateOptions.defaults();
        assertEquals("xcup", o.family());
        assertTrue(o.uram());
        assertEquals(List.of(), o.blackboxes());
    }

    @Test
    void unknownFamilyNamesTheFieldAndTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> EstimateOptions.defaults().withFamily("virtex9"));
        assertTrue(e.getMessage().startsWith("family = virtex9 is not a synth_xilinx family: allowed "), e.getMessage());
        assertTrue(e.getMessage().contains("xc7"), e.getMessage());
    }

    @Test
    void scriptsUseTheOptions() {
        var o = EstimateOptions.defaults().withFamily("xc7").withBlackboxes(List.of(Path.of("/ip/xdma_stub.v")));
        String read = YosysScripts.read(List.of(Path.of("/d/Top.v")), o.blackboxes(), "Top");
        assertEquals("read_verilog -lib \"/ip/xdma_stub.v\"\nread_verilog \"/d/Top.v\"\nhierarchy -check -top Top\n", read);
        // -uram exists for xcup only.
        assertTrue(YosysScripts.synthXilinx("Top", o).startsWith("synth_xilinx -family xc7 -top Top -flatten -noiopad -noclkbuf\n"));
        assertTrue(YosysScripts.synthXilinx("Top", EstimateOptions.defaults()).contains("-noclkbuf -uram\n"));
    }

    @Test
    void aQuoteInAPathIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> YosysScripts.read(List.of(Path.of("/d/a\"b.v")), List.of(), "Top"));
    }
}
