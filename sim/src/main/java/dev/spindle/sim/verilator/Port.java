package dev.spindle.sim.verilator;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED;
import static java.lang.foreign.ValueLayout.JAVA_SHORT_UNALIGNED;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.math.BigInteger;

/**
 * A port of a {@link NativeModel}, read and written directly in the model's memory: no native call.
 *
 * <p>Values are unsigned and masked to the width both ways (a 64-bit port's {@code long} is its bit
 * pattern). {@link #get()}/{@link #set(long)} serve ports up to 64 bits; {@link #getBig()}/
 * {@link #setBig(BigInteger)} and {@link #getWord(int)}/{@link #setWord(int, int)} (32-bit words, least
 * significant first, as Verilator's {@code VlWide} stores them) serve any width.
 *
 * <p>Speed notes: one final class with a switch on the storage size, rather than a subclass per size,
 * keeps call sites monomorphic when a testbench handles ports of several widths in one loop; the
 * unaligned layouts skip an alignment test per access (Verilator's members are aligned anyway, and x86
 * and AArch64 do not care).
 */
public final class Port {

    private static final ValueLayout.OfInt WORD = JAVA_INT_UNALIGNED;

    private final NativeModel model;
    private final PortSpec spec;
    private final MemorySegment storage;
    private final int bytes;        // 1, 2, 4, 8, or 0 for VlWide
    private final long mask;        // width mask of a narrow port
    private final int lastWord;     // index of the most significant 32-bit word
    private final int topWordMask;  // its mask
    private final boolean input;

    Port(NativeModel model, PortSpec spec, MemorySegment storage) {
        this.model = model;
        this.spec = spec;
        this.storage = storage;
        this.bytes = spec.wide() ? 0 : spec.storageBytes();
        this.mask = spec.width() >= 64 ? -1L : (1L << spec.width()) - 1;
        this.lastWord = spec.words() - 1;
        int topBits = spec.width() - 32 * lastWord;
        this.topWordMask = topBits == 32 ? -1 : (1 << topBits) - 1;
        this.input = spec.direction() == PortSpec.Direction.IN;
    }

    public String name() {
        return spec.name();
    }

    public PortSpec.Direction direction() {
        return spec.direction();
    }

    public int width() {
        return spec.width();
    }

    /** Number of 32-bit words ({@link #getWord}, {@link #setWord}). */
    public int words() {
        return lastWord + 1;
    }

    public PortSpec spec() {
        return spec;
    }

    /** The value of a port of at most 64 bits, unsigned (a 64-bit port returns its bit pattern). */
    public long get() {
        try {
            return switch (bytes) {
                case 1 -> storage.get(JAVA_BYTE, 0) & mask;
                case 2 -> storage.get(JAVA_SHORT_UNALIGNED, 0) & mask;
                case 4 -> storage.get(WORD, 0) & mask;
                case 8 -> storage.get(JAVA_LONG_UNALIGNED, 0) & mask;
                default -> throw tooWide();
            };
        } catch (IllegalStateException e) {
            throw model.closedError(this, e);
        }
    }

    /** Drives an input; {@code value} is truncated to the width (zero-extended on a wide port). */
    public void set(long value) {
        if (!input) throw notInput();
        try {
            switch (bytes) {
                case 1 -> storage.set(JAVA_BYTE, 0, (byte) (value & mask));
                case 2 -> storage.set(JAVA_SHORT_UNALIGNED, 0, (short) (value & mask));
                case 4 -> storage.set(WORD, 0, (int) (value & mask));
                case 8 -> storage.set(JAVA_LONG_UNALIGNED, 0, value & mask);
                default -> {
                    storage.fill((byte) 0);
                    setWord(0, (int) value);
                    setWord(1, (int) (value >>> 32));
                }
            }
        } catch (IllegalStateException e) {
            throw model.closedError(this, e);
        }
    }

    public void set(boolean value) {
        set(value ? 1L : 0L);
    }

    /** Word {@code index} (32 bits, least significant first) of any port. */
    public int getWord(int index) {
        if (Integer.compareUnsigned(index, lastWord) > 0) throw badWord(index);
        try {
            if (bytes == 0) return storage.getAtIndex(WORD, index) & (index == lastWord ? topWordMask : -1);
            return (int) (get() >>> (32 * index));
        } catch (IllegalStateException e) {
            throw model.closedError(this, e);
        }
    }

    /** Sets word {@code index} of an input; bits above the width are dropped. */
    public void setWord(int index, int value) {
        if (!input) throw notInput();
        if (Integer.compareUnsigned(index, lastWord) > 0) throw badWord(index);
        try {
            if (bytes == 0) {
                storage.setAtIndex(WORD, index, value & (index == lastWord ? topWordMask : -1));
            } else {
                long shift = 32L * index;
                set((get() & ~(0xFFFF_FFFFL << shift)) | ((value & 0xFFFF_FFFFL) << shift));
            }
        } catch (IllegalStateException e) {
            throw model.closedError(this, e);
        }
    }

    /** The unsigned value of a port of any width. */
    public BigInteger getBig() {
        if (bytes != 0) {
            long v = get();
            return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v & Long.MAX_VALUE).setBit(63);
        }
        byte[] big = new byte[4 * words()]; // big-endian for BigInteger
        for (int i = 0; i <= lastWord; i++) {
            int w = getWord(i);
            int at = 4 * (lastWord - i);
            big[at] = (byte) (w >>> 24);
            big[at + 1] = (byte) (w >>> 16);
            big[at + 2] = (byte) (w >>> 8);
            big[at + 3] = (byte) w;
        }
        return new BigInteger(1, big);
    }

    /** Drives an input of any width; the value is taken modulo 2^width (so -1 sets every bit). */
    public void setBig(BigInteger value) {
        if (!input) throw notInput();
        if (bytes != 0) {
            set(value.longValue());
            return;
        }
        for (int i = 0; i <= lastWord; i++) setWord(i, value.shiftRight(32 * i).intValue());
    }

    @Override
    public String toString() {
        return model.top() + "." + spec;
    }

    NativeModel owner() {
        return model;
    }

    /** The native address of the storage, for the shim's clock argument. */
    long storageAddress() {
        return storage.address();
    }

    private IndexOutOfBoundsException badWord(int index) {
        return new IndexOutOfBoundsException("port " + spec + " has words 0.." + lastWord + ", not " + index);
    }

    private IllegalStateException notInput() {
        return new IllegalStateException("port " + spec.name() + " of " + model.top()
                + " is an output: only the model drives it");
    }

    private UnsupportedOperationException tooWide() {
        return new UnsupportedOperationException("port " + spec
                + " is wider than 64 bits: get() would truncate it; use getBig() or getWord(i)");
    }
}
