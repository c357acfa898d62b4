package dev.spindle.estimate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The fast estimate's rules on hand-written Yosys dumps (no Yosys run). */
class GenericCellsTest {
    static String mul(int a, int b, int y, boolean signed) {
        int s = signed ? 1 : 0;
        return "  attribute \\src \"x.v:1\"\n  cell $mul $mul$x.v:1$" + a + "\n    parameter \\A_SIGNED " + s + "\n    parameter \\A_WIDTH " + a
                + "\n    parameter \\B_SIGNED " + s + "\n    parameter \\B_WIDTH " + b + "\n    parameter \\Y_WIDTH " + y
                + "\n    connect \\A \\a\n  end\n";
    }

    static String mem(int size, int width, String rdClk, int ports) {
        return "  cell $mem_v2 \\table\n    parameter \\ABITS 10\n    parameter \\INIT 8'00000000\n    parameter \\RD_CLK_ENABLE " + rdClk
                + "\n    parameter \\RD_PORTS " + ports + "\n    parameter \\SIZE " + size + "\n    parameter \\WIDTH " + width + "\n  end\n";
    }

    @Test void productsMapToDsp48e2TilesAsMul2dspSplitsThem() {
        List<GenericCells.Cell> cells = GenericCells.parse(mul(17, 17, 34, true) + mul(16, 16, 32, false) + mul(27, 18, 45, true)
                + mul(17, 27, 44, false) + mul(34, 34, 68, true) + mul(8, 1, 9, false) + mul(4, 4, 8, true));
        assertEquals(7, cells.size());
        assertEquals(List.of(1, 1, 1, 2, 4, 0, 0), cells.stream().map(GenericCells::dsps).toList(),
                "17x17 signed, 16x16 unsigned (17x17 with the sign bit), 27x18, 27-bit unsigned (28 with the sign bit) -> two, 34x34 -> 2x2, 1-bit and 8-bit-out products in LUTs");
    }

    @Test void clockedMemoriesOverFourKilobitsAreBlockRamTheRestLutRam() {
        List<GenericCells.Cell> cells = GenericCells.parse(mem(1024, 11, "1'1", 1) + mem(512, 72, "1'1", 1) + mem(64, 14, "1'1", 1)
                + mem(256, 32, "1'0", 1));
        assertEquals(List.of(1, 2, 0, 0), cells.stream().map(GenericCells::bramHalves).toList(), "1Kx11 one RAMB18, 512x72 two, 64x14 none, async none");
        assertEquals(List.of(0, 0, 14, 128), cells.stream().map(GenericCells::lutRam).toList());
    }

    @Test void flipFlopsAreTheSingleBitFlipFlopCells() {
        assertEquals(7, GenericCells.ffs(Map.of("$_DFF_P_", 3, "$_DFFE_PP_", 2, "$_SDFFE_PP0P_", 2, "$lut", 40, "$mul", 1)));
        assertEquals(40, GenericCells.luts(Map.of("$lut", 40)));
    }
}
