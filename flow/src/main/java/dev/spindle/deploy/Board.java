package dev.spindle.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/**
 * A supported PCIe board: its part, PCIe link, the pins the top level needs, the XDMA IP settings that place
 * the PCIe block and its transceivers, flash and programming, and the part's capacity. Facts and their
 * sources are in {@code docs/deploy.md}; nothing here was tried on hardware.
 *
 * @param name            the {@code --board} value
 * @param title           human name
 * @param part            Vivado part
 * @param family          Yosys {@code synth_xilinx -family}: xcup (UltraScale+) or xcu (UltraScale)
 * @param refclkBuffer    {@code IBUFDS_GTE4} on UltraScale+, {@code IBUFDS_GTE3} on UltraScale
 * @param lanes           PCIe lanes (Gen3, 8.0 GT/s)
 * @param dataWidth       XDMA AXI data width in bits (512 for Gen3 x16, 256 for Gen3 x8 at 250 MHz)
 * @param refclkP         package pin of the 100 MHz PCIe reference clock, positive side
 * @param refclkN         package pin of its negative side
 * @param perstPin        package pin of PERST#
 * @param perstIostandard I/O standard of PERST#
 * @param placement       XDMA IP keys that place the PCIe block and its GT quad, in order
 * @param flash           configuration flash
 * @param openFpgaLoader  openFPGALoader's {@code -b} name, or null when it does not know the board
 * @param jtagNote        how JTAG reaches the board
 * @param capacity        the part's resources
 */
public record Board(String name, String title, String part, String family, String refclkBuffer, int lanes, int dataWidth,
                    String refclkP, String refclkN, String perstPin, String perstIostandard,
                    SequencedMap<String, String> placement, Flash flash, String openFpgaLoader, String jtagNote,
                    Capacity capacity) {

    /** PCIe reference clock: 100 MHz on every supported board. */
    public static final double REFCLK_PERIOD_NS = 10.0;

    public Board {
        placement = java.util.Collections.unmodifiableSequencedMap(new LinkedHashMap<>(placement));
    }

    public static final Board VCU118 = new Board("vcu118", "Xilinx VCU118", "xcvu9p-flga2104-2L-e", "xcup", "IBUFDS_GTE4",
            16, 512, "AL9", "AL8", "AM17", "LVCMOS18",
            ordered("en_gt_selection", "true", "select_quad", "GTY_Quad_227", "pcie_blk_locn", "X1Y2"),
            new Flash("SPIx8", 256, "0x00000000", "mt25qu01g-spi-x1_x2_x4_x8"), "vcu118",
            "on-board USB-JTAG (micro-USB J106)",
            new Capacity(1_182_240, 2_364_480, 6_840, 2_160, 960, "DS890 (UltraScale architecture and product overview), Virtex UltraScale+ table, VU9P column"));

    public static final Board KCU105 = new Board("kcu105", "Xilinx KCU105", "xcku040-ffva1156-2-e", "xcu", "IBUFDS_GTE3",
            8, 256, "AB6", "AB5", "K22", "LVCMOS18",
            ordered("en_gt_selection", "true", "select_quad", "GTH_Quad_225", "pcie_blk_locn", "X0Y0"),
            new Flash("SPIx8", 64, "0x00000000", "n25q256-1.8v-spi-x1_x2_x4_x8"), "kcu105",
            "on-board USB-JTAG (Digilent, micro-USB J87)",
            new Capacity(242_400, 484_800, 1_920, 600, 0, "DS890 (UltraScale architecture and product overview), Kintex UltraScale table, KU040 column"));

    public static final Board U250 = new Board("u250", "Xilinx Alveo U250", "xcu250-figd2104-2L-e", "xcup", "IBUFDS_GTE4",
            16, 512, "AM11", "AM10", "BD21", "LVCMOS12",
            ordered("en_gt_selection", "true", "select_quad", "GTY_Quad_227"),
            new Flash("SPIx4", 128, "0x01002000", "mt25qu01g-spi-x1_x2_x4"), null,
            "USB-JTAG through the card's micro-USB maintenance port (FT4232H)",
            new Capacity(1_728_000, 3_456_000, 12_288, 2_688, 1_280, "DS962 (Alveo U200 and U250 data sheet), U250 column"));

    public static final Board U50 = new Board("u50", "Xilinx Alveo U50", "xcu50-fsvh2104-2-e", "xcup", "IBUFDS_GTE4",
            16, 512, "AF9", "AF8", "AW27", "LVCMOS18",
            ordered("en_gt_selection", "true", "select_quad", "GTY_Quad_227"),
            new Flash("SPIx4", 128, "0x01002000", "mt25qu01g-spi-x1_x2_x4"), null,
            "no on-card USB-JTAG: needs the Alveo Programming Cable (UG1377) on the card's debug connector",
            new Capacity(872_000, 1_743_000, 5_952, 1_344, 640, "DS965 (Alveo U50 data sheet)"));

    public static final List<Board> ALL = List.of(VCU118, KCU105, U250, U50);

    public static Board named(String name) {
        for (Board b : ALL) if (b.name.equals(name)) return b;
        throw new IllegalArgumentException("--board " + name + " is not supported: allowed "
                + String.join(", ", ALL.stream().map(Board::name).toList()));
    }

    /** {@code X16} or {@code X8}, as the XDMA IP spells a link width. */
    public String linkWidth() { return "X" + lanes; }

    private static SequencedMap<String, String> ordered(String... kv) {
        SequencedMap<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
