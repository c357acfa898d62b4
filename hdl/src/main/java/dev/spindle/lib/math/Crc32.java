package dev.spindle.lib.math;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.cat;

/**
 * CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320: what {@code java.util.zip.CRC32} computes) over a whole
 * data word per clock, bytes little-endian (byte 0 in bits 7..0). The register starts at {@link #INIT}; the CRC
 * of the bytes so far is the register XOR {@code 0xFFFFFFFF}. Each next-state bit is the XOR of the state and
 * data bits the matrix, worked out at elaboration, selects: one level of XOR trees, latency 0 (the caller
 * registers the result).
 */
public final class Crc32 {
    public static final long INIT = 0xFFFF_FFFFL;
    private static final int POLY = 0xEDB8_8320;

    private Crc32() {}

    /** The state after {@code data} (a multiple of 8 bits), from state {@code crc} (32 bits). */
    public static Bits next(Bits crc, Bits data) {
        if (crc.width() != 32) throw new IllegalArgumentException("Crc32.next: the state is 32 bits, got " + crc.width());
        if (data.width() % 8 != 0) throw new IllegalArgumentException("Crc32.next: data width " + data.width() + " is not whole bytes");
        BitSet[] m = matrix(data.width());
        BaseType[] bits = new BaseType[32];
        for (int j = 0; j < 32; j++) {
            List<BaseType> terms = new ArrayList<>();
            for (int v = m[j].nextSetBit(0); v >= 0; v = m[j].nextSetBit(v + 1)) terms.add(v < 32 ? crc.bit(v) : data.bit(v - 32));
            bits[31 - j] = terms.isEmpty() ? Bits.lit(0, 1) : cat(terms.toArray(BaseType[]::new)).xorR();
        }
        return Wire(cat(bits)).named("crc32_next");
    }

    /** Row j: the variables (0..31 state bits, 32.. data bits) whose XOR is next-state bit j. */
    static BitSet[] matrix(int dataBits) {
        BitSet[] crc = new BitSet[32];
        for (int j = 0; j < 32; j++) {
            crc[j] = new BitSet();
            crc[j].set(j);
        }
        for (int i = 0; i < dataBits; i++) {
            BitSet fb = (BitSet) crc[0].clone();
            fb.flip(32 + i);
            BitSet[] next = new BitSet[32];
            for (int j = 0; j < 31; j++) next[j] = crc[j + 1];
            next[31] = new BitSet();
            for (int j = 0; j < 32; j++) if (((POLY >>> j) & 1) != 0) next[j].xor(fb);
            crc = next;
        }
        return crc;
    }
}
