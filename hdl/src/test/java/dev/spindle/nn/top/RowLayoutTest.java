package dev.spindle.nn.top;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The word-wise pack/unpack against a bit-by-bit reference written here from the layout's definition (element j at
 * bit {@code (u / r)·busWidth + (u % r)·lanes·bits + (j % lanes)·bits}, u = j / lanes, bytes little-endian), on
 * random layouts: every element width 1..64, lanes, bus widths 64..512, rows that end mid-beat, padding.
 */
class RowLayoutTest {
    @Test void wordWisePackingMatchesTheBitwiseDefinition() {
        Random rnd = new Random(31);
        int[] buses = {64, 128, 256, 512};
        for (int trial = 0; trial < 3000; trial++) {
            int bus = buses[rnd.nextInt(buses.length)];
            int bits = 1 + rnd.nextInt(64);
            int lanes = 1 + rnd.nextInt(Math.max(1, Math.min(8, bus / bits)));
            int length = lanes * (1 + rnd.nextInt(12));
            RowLayout l = new RowLayout(length, lanes, bits, bus);
            long[] row = new long[length];
            for (int j = 0; j < length; j++) row[j] = rnd.nextLong();
            int rows = 1 + rnd.nextInt(3);
            try (Arena a = Arena.ofConfined()) {
                MemorySegment seg = a.allocate((long) rows * l.bytesPerRow() + 16);
                seg.fill((byte) 0x5A);   // stale bytes: pack must write padding as zeros
                int r = rnd.nextInt(rows);
                l.pack(row, seg, (long) r * l.bytesPerRow());
                byte[] expect = reference(l, row);
                byte[] got = seg.asSlice((long) r * l.bytesPerRow(), l.bytesPerRow()).toArray(ValueLayout.JAVA_BYTE);
                assertArrayEquals(expect, got, "pack of " + l);
                boolean signed = rnd.nextBoolean();
                long[] back = l.unpack(seg, (long) r * l.bytesPerRow(), signed);
                for (int j = 0; j < length; j++) {
                    long low = bits == 64 ? row[j] : row[j] & ((1L << bits) - 1);
                    long want = signed && bits < 64 ? (low << (64 - bits)) >> (64 - bits) : low;
                    assertEquals(want, back[j], "unpack of element " + j + " of " + l + (signed ? " signed" : ""));
                }
                assertEquals((byte) 0x5A, seg.get(ValueLayout.JAVA_BYTE, (long) rows * l.bytesPerRow()), "nothing written past the row's bytes");
            }
        }
    }

    @Test void badSizesAreRefusedNamingTheField() {
        RowLayout l = new RowLayout(8, 2, 16, 64);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment seg = a.allocate(l.bytesPerRow());
            var e = assertThrows(IllegalArgumentException.class, () -> l.pack(new long[7], seg, 0));
            assertTrue(e.getMessage().contains("length = 8"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new RowLayout(8, 1, 16, 96));
        assertTrue(e.getMessage().contains("busWidth = 96"), e.getMessage());
    }

    /** The row's bytes, bit by bit from the definition. */
    private static byte[] reference(RowLayout l, long[] row) {
        byte[] out = new byte[l.bytesPerRow()];
        int r = l.busWidth() / (l.lanes() * l.bits());
        for (int j = 0; j < l.length(); j++) {
            int u = j / l.lanes();
            long off = (long) (u / r) * l.busWidth() + (long) (u % r) * l.lanes() * l.bits() + (long) (j % l.lanes()) * l.bits();
            for (int b = 0; b < l.bits(); b++) {
                if (((row[j] >>> b) & 1) != 0) out[(int) ((off + b) >>> 3)] |= (byte) (1 << ((off + b) & 7));
            }
        }
        return out;
    }
}
