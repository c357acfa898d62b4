package dev.spindle.nn.top;

import dev.spindle.hdl.Require;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Where the elements of one row sit in the bus beats (plain Java, used by the host and by {@code RowBeats} in the
 * RTL): {@code lanes} elements of {@code bits} each make a unit beat (lane i at bits i·bits), {@code r =
 * busWidth / (lanes·bits)} unit beats make a bus beat (the first in the low bits), and each row starts on a new
 * bus beat. Beats are little-endian bytes: byte 0 is bits 7..0.
 *
 * <p>An immutable value (equal by its four fields); a class rather than a record so that the derived sizes are
 * computed once: {@link #pack} and {@link #unpack} run per row on the host's hot path, where a handful of integer
 * divisions per call cost more than the packing itself.
 */
public final class RowLayout {
    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final int length, lanes, bits, busWidth;
    private final int ratio, beatsPerRow, perWord;
    /**
     * The row as runs of contiguous elements from a run's first bit: one run for the whole row when unit beats fill
     * the bus beat exactly (the elements then follow each other across beats), else one run per bus beat.
     */
    private final int runs, runElements, runBytes;
    private final long mask;

    public RowLayout(int length, int lanes, int bits, int busWidth) {
        if (busWidth < 64 || busWidth % 64 != 0) throw new IllegalArgumentException("busWidth = " + busWidth + " is out of range: allowed a multiple of 64 (the XDMA widths 64..512)");
        Require.range("length", length, 1, 1 << 20);
        Require.range("lanes", lanes, 1, length);
        if (length % lanes != 0) throw new IllegalArgumentException("length = " + length + " is not a multiple of lanes = " + lanes);
        Require.range("bits", bits, 1, 64);
        if (lanes * bits > busWidth) {
            throw new IllegalArgumentException("a unit beat of lanes × bits = " + lanes + " × " + bits + " = " + lanes * bits
                    + " bits does not fit the data width " + busWidth + ": use at most " + busWidth / bits + " lanes or a wider dataWidth");
        }
        this.length = length;
        this.lanes = lanes;
        this.bits = bits;
        this.busWidth = busWidth;
        this.ratio = busWidth / (lanes * bits);
        this.beatsPerRow = (length / lanes + ratio - 1) / ratio;
        boolean contiguous = ratio * lanes * bits == busWidth;
        this.runs = contiguous ? 1 : beatsPerRow;
        this.runElements = contiguous ? length : ratio * lanes;
        this.runBytes = contiguous ? beatsPerRow * busWidth / 8 : busWidth / 8;
        this.perWord = 64 % bits == 0 ? 64 / bits : 0;   // elements never straddle a word: no carry to track
        this.mask = bits == 64 ? -1L : (1L << bits) - 1;
    }

    public int length() { return length; }

    public int lanes() { return lanes; }

    public int bits() { return bits; }

    public int busWidth() { return busWidth; }

    public int unitWidth() { return lanes * bits; }

    public int unitBeatsPerRow() { return length / lanes; }

    public int ratio() { return ratio; }

    public int beatsPerRow() { return beatsPerRow; }

    public int bytesPerRow() { return beatsPerRow * busWidth / 8; }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowLayout l && l.length == length && l.lanes == lanes && l.bits == bits && l.busWidth == busWidth;
    }

    @Override public int hashCode() { return java.util.Objects.hash(length, lanes, bits, busWidth); }

    @Override public String toString() { return "RowLayout[length=" + length + ", lanes=" + lanes + ", bits=" + bits + ", busWidth=" + busWidth + "]"; }

    /** Bit offset of element j from the start of its row. */
    public long bitOffset(int j) {
        int u = j / lanes;
        return (long) (u / ratio()) * busWidth + (long) (u % ratio()) * unitWidth() + (long) (j % lanes) * bits;
    }

    /**
     * Writes one row of raw values (two's complement, low {@code bits} kept) into the {@link #bytesPerRow()} bytes
     * of {@code out} at byte {@code base}, padding zeroed. Word-wise: each 64-bit word of the row is assembled in a
     * register and stored once (the elements of a bus beat are contiguous from its bit 0).
     */
    public void pack(long[] row, MemorySegment out, long base) {
        if (row.length != length) throw new IllegalArgumentException("row has " + row.length + " values, the layout expects length = " + length);
        long mask = this.mask;
        int bits = this.bits, perWord = this.perWord, length = this.length;
        long at = base;
        int j = 0;
        for (int run = 0; run < runs; run++) {
            long end = at + runBytes;
            long acc = 0;
            int fill = 0;
            int stop = Math.min(length, j + runElements);
            if (perWord == 4) {   // 16-bit elements, the common case: spelled out so the JIT drops the range checks
                int words = (stop - j) >> 2;
                for (int w = 0; w < words; w++) {
                    int i = j + 4 * w;
                    out.set(WORD, at + 8L * w, row[i] & 0xFFFF | (row[i + 1] & 0xFFFF) << 16 | (row[i + 2] & 0xFFFF) << 32 | row[i + 3] << 48);
                }
                j += 4 * words;
                at += 8L * words;
            } else if (perWord > 0) {
                for (; j + perWord <= stop; at += 8) {
                    long w = 0;
                    for (int k = 0; k < 64; k += bits) w |= (row[j++] & mask) << k;
                    out.set(WORD, at, w);
                }
            }
            for (; j < stop; j++) {
                long v = row[j] & mask;
                acc |= v << fill;
                fill += bits;
                if (fill >= 64) {
                    out.set(WORD, at, acc);
                    at += 8;
                    fill -= 64;
                    acc = fill == 0 ? 0 : v >>> (bits - fill);
                }
            }
            if (fill > 0) {
                out.set(WORD, at, acc);
                at += 8;
            }
            for (; at < end; at += 8) out.set(WORD, at, 0L);
        }
    }

    /**
     * Reads one row of raw values from the {@link #bytesPerRow()} bytes of {@code in} at byte {@code base} into
     * {@code row} ({@code length} values); {@code signed} sign-extends each from {@code bits}. Word-wise, as {@link #pack}.
     */
    public void unpack(MemorySegment in, long base, boolean signed, long[] row) {
        if (row.length != length) throw new IllegalArgumentException("row has " + row.length + " values, the layout expects length = " + length);
        long mask = this.mask;
        int bits = this.bits, perWord = this.perWord, length = this.length;
        int shift = 64 - bits;
        boolean extend = signed && bits < 64;
        int j = 0;
        for (int run = 0; run < runs; run++) {
            long at = base + (long) runBytes * run;
            long cur = 0;
            int pos = 64;   // bits of cur already used: 64 means load the next word first
            int stop = Math.min(length, j + runElements);
            if (perWord == 4) {
                int words = (stop - j) >> 2;
                if (extend) {
                    for (int k = 0; k < words; k++) {
                        long w = in.get(WORD, at + 8L * k);
                        int i = j + 4 * k;
                        row[i] = (short) w;
                        row[i + 1] = (short) (w >>> 16);
                        row[i + 2] = (short) (w >>> 32);
                        row[i + 3] = w >> 48;
                    }
                } else {
                    for (int k = 0; k < words; k++) {
                        long w = in.get(WORD, at + 8L * k);
                        int i = j + 4 * k;
                        row[i] = w & 0xFFFF;
                        row[i + 1] = (w >>> 16) & 0xFFFF;
                        row[i + 2] = (w >>> 32) & 0xFFFF;
                        row[i + 3] = w >>> 48;
                    }
                }
                j += 4 * words;
                at += 8L * words;
            } else if (perWord > 0) {
                for (; j + perWord <= stop; at += 8) {
                    long w = in.get(WORD, at);
                    for (int k = 0; k < 64; k += bits, j++) {
                        long v = (w >>> k) & mask;
                        row[j] = extend ? (v << shift) >> shift : v;
                    }
                }
            }
            for (; j < stop; j++) {
                long v;
                if (pos == 64) {
                    cur = in.get(WORD, at);
                    at += 8;
                    pos = 0;
                }
                if (pos + bits <= 64) {
                    v = cur >>> pos;
                    pos += bits;
                } else {
                    long low = cur >>> pos;
                    int got = 64 - pos;
                    cur = in.get(WORD, at);
                    at += 8;
                    v = low | cur << got;
                    pos = bits - got;
                }
                v &= mask;
                row[j] = extend ? (v << shift) >> shift : v;
            }
        }
    }

    /** {@link #unpack(MemorySegment, long, boolean, long[])} into a new array. */
    public long[] unpack(MemorySegment in, long base, boolean signed) {
        long[] row = new long[length];
        unpack(in, base, signed, row);
        return row;
    }
}
