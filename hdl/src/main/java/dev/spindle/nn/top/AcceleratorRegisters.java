package dev.spindle.nn.top;

import dev.spindle.lib.axi.Access;
import dev.spindle.lib.axi.RegisterMap;

import java.util.HexFormat;

/**
 * The accelerator's AXI4-Lite register map, defined once: the RTL bank and the host's register file both come from
 * it. The constants (ID, sizes) differ per bitstream; the layout, which the host uses, does not ({@link #LAYOUT}).
 * See {@code docs/accelerator.md} for the meaning of each register.
 */
public final class AcceleratorRegisters {
    private AcceleratorRegisters() {}

    /** "SPND": the first word of every Spindle accelerator. */
    public static final int MAGIC = 0x5350_4E44;
    /** Version of this register map and of {@link Packet}; the host refuses another. */
    public static final int VERSION = 1;
    public static final int HASH_WORDS = 8;

    /** The per-bitstream constants read back through the ID registers. */
    public record Id(int dataWidth, int unitCode, String idHash, int weightBeats, int inBeatsPerRow, int outBeatsPerRow) {
        public static final String ZERO_HASH = "0".repeat(64);

        public Id {
            if (idHash == null || !idHash.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("idHash must be 64 lower-case hex digits (a SHA-256), got " + idHash);
        }

        /** Word k of the hash: bytes 4k..4k+3 of the SHA-256, the first byte most significant. */
        public long hashWord(int k) {
            byte[] b = HexFormat.of().parseHex(idHash);
            return ((b[4 * k] & 0xFFL) << 24) | ((b[4 * k + 1] & 0xFFL) << 16) | ((b[4 * k + 2] & 0xFFL) << 8) | (b[4 * k + 3] & 0xFFL);
        }
    }

    public static final RegisterMap LAYOUT = map(new Id(64, 0, Id.ZERO_HASH, 0, 0, 0));

    public static RegisterMap map(Id id) {
        RegisterMap.Builder b = RegisterMap.builder("accelerator")
                .word("MAGIC", 0x00, Access.CONST, MAGIC, "0x53504E44 (\"SPND\"): a Spindle accelerator answers here")
                .word("VERSION", 0x04, Access.CONST, VERSION, "version of the register map and packet format")
                .word("DATA_WIDTH", 0x08, Access.CONST, id.dataWidth(), "AXI4-Stream data width W in bits (64, 128, 256, 512)")
                .word("UNIT", 0x0C, Access.CONST, id.unitCode(), "which unit the top wraps (AcceleratorUnit.code)");
        for (int k = 0; k < HASH_WORDS; k++) {
            b.word("ID_HASH_" + k, 0x10 + 4 * k, Access.CONST, id.hashWord(k), "word " + k + " of the manifest's ID hash (SHA-256, first byte most significant)");
        }
        return b
                .word("SCRATCH", 0x30, Access.RW, 0, "free for software: a read-back test of the register path")
                .reg("CONTROL", 0x40, "commands")
                .field("abort", 0, 1, Access.PULSE, 0, "drop the packet in progress (payload and response), flush the unit, wait for a header")
                .field("clear_counters", 1, 1, Access.PULSE, 0, "zero the hardware counters")
                .field("invalidate_weights", 2, 1, Access.PULSE, 0, "mark the weights invalid")
                .reg("STATUS", 0x44, "state")
                .field("busy", 0, 1, Access.RO, 0, "a packet or a response is in progress")
                .field("weights_valid", 1, 1, Access.RO, 0, "a complete weight set is loaded (always 1 for a unit without weights)")
                .field("done", 2, 1, Access.W1C, 0, "a RESULTS response has been sent (write 1 to clear)")
                .field("error", 3, 1, Access.W1C, 0, "an error occurred; cause says which (write 1 to clear both)")
                .field("c2h_pending", 4, 1, Access.RO, 0, "a C2H beat is offered and waits for the host to read it")
                .field("cause", 8, 8, Access.RO, 0, "Cause code of the first error since error was cleared")
                .field("framer", 16, 3, Access.RO, 0, "H2C framer state: 0 header, 1 weights, 2 tokens, 3 drain, 4 flush")
                .field("response", 20, 3, Access.RO, 0, "C2H response state: 0 idle, 1 header, 2 data, 3 zeros, 4 discard")
                .word("WEIGHT_CRC", 0x50, Access.RO, 0, "CRC-32 (IEEE, as java.util.zip.CRC32) of the weight payload bytes loaded since offset 0")
                .word("WEIGHT_BEATS", 0x54, Access.RO, 0, "weight beats loaded since offset 0")
                .word("WEIGHT_TOTAL", 0x58, Access.CONST, id.weightBeats(), "weight beats a complete set has")
                .word("IN_BEATS_PER_ROW", 0x5C, Access.CONST, id.inBeatsPerRow(), "H2C payload beats per token row")
                .word("OUT_BEATS_PER_ROW", 0x60, Access.CONST, id.outBeatsPerRow(), "C2H payload beats per result row")
                .word("BUSY_CYCLES", 0x70, Access.RO, 0, "cycles with a packet or response in progress")
                .word("INFERENCES", 0x74, Access.RO, 0, "result rows sent")
                .word("STALL_IN", 0x78, Access.RO, 0, "cycles H2C offered a beat the device did not take")
                .word("STALL_OUT", 0x7C, Access.RO, 0, "cycles the device offered a C2H beat the host did not take")
                .word("LAST_LATENCY", 0x80, Access.RO, 0, "cycles from the last TOKENS header to the last beat of its response")
                .word("PACKETS", 0x84, Access.RO, 0, "packet headers accepted")
                .word("ROWS_IN_FLIGHT", 0x88, Access.RO, 0, "token rows inside the unit whose results have not left it")
                .build();
    }
}
