package dev.spindle.nn.top;

import dev.spindle.hdl.Require;

/**
 * Where the elements of one row sit in the bus beats (plain Java, used by the host and by {@code RowBeats} in the
 * RTL): {@code lanes} elements of {@code bits} each make a unit beat (lane i at bits i·bits), {@code r =
 * busWidth / (lanes·bits)} unit beats make a bus beat (the first in the low bits), and each row starts on a new
 * bus beat. Beats are little-endian bytes: byte 0 is bits 7..0.
 */
public record RowLayout(int length, int lanes, int bits, int busWidth) {
    public RowLayout {
        Require.range("length", length, 1, 1 << 20);
        Require.range("lanes", lanes, 1, length);
        if (length % lanes != 0) throw new IllegalArgumentException("length = " + length + " is not a multiple of lanes = " + lanes);
        Require.range("bits", bits, 1, 64);
        if (lanes * bits > busWidth) {
            throw new IllegalArgumentException("a unit beat of lanes × bits = " + lanes + " × " + bits + " = " + lanes * bits
                    + " bits does not fit the data width " + busWidth + ": use at most " + busWidth / bits + " lanes or a wider dataWidth");
        }
    }

    public int unitWidth() { return lanes * bits; }

    public int unitBeatsPerRow() { return length / lanes; }

    public int ratio() { return busWidth / unitWidth(); }

    public int beatsPerRow() { return (unitBeatsPerRow() + ratio() - 1) / ratio(); }

    public int bytesPerRow() { return beatsPerRow() * busWidth / 8; }

    /** Bit offset of element j from the start of its row. */
    public long bitOffset(int j) {
        int u = j / lanes;
        return (long) (u / ratio()) * busWidth + (long) (u % ratio()) * unitWidth() + (long) (j % lanes) * bits;
    }

    /** Writes one row of raw values (two's complement, low {@code bits} kept) at {@code base} bytes into {@code out}. */
    public void pack(long[] row, byte[] out, int base) {
        if (row.length != length) throw new IllegalArgumentException("row has " + row.length + " values, the layout expects length = " + length);
        for (int j = 0; j < length; j++) {
            long v = row[j];
            long off = bitOffset(j);
            for (int b = 0; b < bits; b++) {
                if (((v >>> b) & 1) != 0) {
                    long bit = off + b;
                    out[base + (int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
    }

    /** Reads one row of raw values at {@code base} bytes; {@code signed} sign-extends each from {@code bits}. */
    public long[] unpack(byte[] in, int base, boolean signed) {
        long[] row = new long[length];
        for (int j = 0; j < length; j++) {
            long off = bitOffset(j);
            long v = 0;
            if (bits % 8 == 0 && off % 8 == 0) {
                for (int k = bits / 8 - 1; k >= 0; k--) v = (v << 8) | (in[base + (int) (off >>> 3) + k] & 0xFF);
            } else {
                for (int b = 0; b < bits; b++) {
                    long bit = off + b;
                    if (((in[base + (int) (bit >>> 3)] >>> (bit & 7)) & 1) != 0) v |= 1L << b;
                }
            }
            row[j] = signed && bits < 64 ? (v << (64 - bits)) >> (64 - bits) : v;
        }
        return row;
    }
}
