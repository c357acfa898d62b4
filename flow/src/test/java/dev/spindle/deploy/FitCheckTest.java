package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.estimate.ResourceEstimate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Yosys fit check of the whole top against the part's capacity. */
class FitCheckTest {
    @Test
    void aDesignTooBigForTheKcu105IsRefusedWithTheResourceAndBothNumbers(@TempDir Path dir) {
        // 16 memories of 4,096 x 256 bits: 464 RAMB36 (4K x 9 each, 29 per memory); with the XDMA budget's 45 that is
        // above 80% of the KU040's 600. Yosys maps it in about 9 s of CPU.
        var big = AcceleratorFixture.of(256, 4_096, 16);
        var e = assertThrows(DeployException.class, () -> new Deployer(quiet()).deploy(big, DeployOptions.dryRun(Board.KCU105, dir)));
        assertTrue(e.getMessage().startsWith("the design does not fit Xilinx KCU105 (xcku040-ffva1156-2-e): "
                + "BRAM 509 needed (464 design + 45 XDMA IP) > 480 allowed (80% of 600, DS890"), e.getMessage());
        assertFalse(e.getMessage().contains("LUT "), "only the resources that do not fit are named: " + e.getMessage());
    }

    @Test
    void theComparisonIsPerResourceUnderTheCeiling() {
        var est = new ResourceEstimate(100_000, 10, 1_500, 0, 0, 0, 1, 0, "spindle_xdma_top", "xcu", Map.of(), 0.1);
        var at80 = FitCheck.compare(Board.KCU105, 0.8, est);
        assertTrue(at80.fits(), at80.lines().toString());
        assertEquals("DSP 1,500 needed (1,500 design + 0 XDMA IP) <= 1,536 allowed (80% of 1,920, " + Board.KCU105.capacity().source() + ")",
                at80.lines().get(2));
        assertTrue(at80.lines().getFirst().startsWith("LUT 135,000 needed (100,000 design + 35,000 XDMA IP) <= 193,920 allowed"), at80.lines().getFirst());
        var at70 = FitCheck.compare(Board.KCU105, 0.7, est);
        assertFalse(at70.fits());
        assertTrue(at70.lines().get(2).startsWith("DSP 1,500 needed (1,500 design + 0 XDMA IP) > 1,344 allowed (70% of 1,920"), at70.lines().get(2));
        assertTrue(FitCheck.compare(Board.VCU118, 0.8, est).fits());
        assertThrows(IllegalArgumentException.class, () -> new DeployOptions(Board.U50, Path.of("x"), 1.5, true, false, null, false));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
