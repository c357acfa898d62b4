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
 * <p>Speed notes (measured with the simulation benchmark, {@code scripts/bench sim}):
 * <ul>
 * <li>A port is an absolute address in one segment spanning all of memory ({@link #MEMORY}, a constant), not a
 *   segment of its own: an access through a per-port segment pays the segment's read-only, bounds, type and
 *   scope checks (11 loads an access: the 32 input writes of a 16-lane MAC array took 61 ns, now 24), while on
 *   the constant segment they fold to one compare. The port checks liveness itself:
 *   {@link NativeModel#close()} zeroes its addresses before it frees the model, so a use after close finds 0 and
 *   throws instead of touching freed memory. That holds because a model is driven from one thread at a time
 *   (the closing thread included), as {@link NativeModel} requires.</li>
 * <li>Each access loads an address that is 0 wherever it does not apply ({@code narrowIn} is 0 for an output,
 *   a wide port and once closed), so one test covers "open, right direction, right width" and everything else
 *   is out of line. The fast paths stay small: they inline at every call site whatever the JIT's profile
 *   holds. Every design in a JVM shares one profile of these methods; when the wide and error cases sat in the
 *   same {@code switch} as the narrow ones (the wide case's calls included), the 33 writes of the MAC array's
 *   cycle cost 50 ns more once another design had run in the same JVM.</li>
 * <li>One final class with a switch on the storage size, rather than a subclass per size, keeps call sites
 *   monomorphic when a testbench handles ports of several widths in one loop; the unaligned layouts skip an
 *   alignment test per access (Verilator's members are aligned anyway, and x86 and AArch64 do not care).</li>
 * </ul>
 */
@SuppressWarnings("restricted")
public final class Port {

    /** All of memory: ports are addressed absolutely (see the class comment). */
    private static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final ValueLayout.OfInt WORD = JAVA_INT_UNALIGNED;

    private final NativeModel model;
    private final PortSpec spec;
    private final int bytes;        // 1, 2, 4, 8, or 0 for VlWide
    private final long mask;        // width mask of a narrow port
    private final int lastWord;     // index of the most significant 32-bit word
    private final int topWordMask;  // its mask
    private final boolean input;
    // The storage's address, or 0 where the access does not apply; all 0 once the model is closed. Each access
    // loads the one it needs and goes out of line on 0, where the reason (closed, output, width) is worked out.
    private long address;           // any access
    private long narrow;            // get()
    private long narrowIn;          // set()
    private long wide;              // getWord() of a VlWide port
    private long wideIn;            // setWord() of a VlWide input

    Port(NativeModel model, PortSpec spec, long address) {
        this.model = model;
        this.spec = spec;
        this.bytes = spec.wide() ? 0 : spec.storageBytes();
        this.mask = spec.width() >= 64 ? -1L : (1L << spec.width()) - 1;
        this.lastWord = spec.words() - 1;
        int topBits = spec.width() - 32 * lastWord;
        this.topWordMask = topBits == 32 ? -1 : (1 << topBits) - 1;
        this.input = spec.direction() == PortSpec.Direction.IN;
        if (address == 0) throw new IllegalArgumentException("port " + spec + " has no storage address");
        this.address = address;
        this.narrow = bytes != 0 ? address : 0;
        this.narrowIn = bytes != 0 && input ? address : 0;
        this.wide = bytes == 0 ? address : 0;
        this.wideIn = bytes == 0 && input ? address : 0;
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
        long a = narrow;
        if (a == 0) throw getError();
        return mask & load(a, bytes);
    }

    /** Drives an input; {@code value} is truncated to the width (zero-extended on a wide port). */
    public void set(long value) {
        long a = narrowIn;
        if (a == 0) {
            setOther(value);
            return;
        }
        store(a, bytes, value & mask);
    }

    /** The narrow storage of {@code bytes} (1, 2, 4 or 8) at {@code address}, not yet masked; {@link PortRun} shares it. */
    static long load(long address, int bytes) {
        return switch (bytes) {
            case 1 -> MEMORY.get(JAVA_BYTE, address);
            case 2 -> MEMORY.get(JAVA_SHORT_UNALIGNED, address);
            case 4 -> MEMORY.get(WORD, address);
            default -> MEMORY.get(JAVA_LONG_UNALIGNED, address);
        };
    }

    /** Writes the low {@code bytes} (1, 2, 4 or 8) of {@code value}, already masked, at {@code address}. */
    static void store(long address, int bytes, long value) {
        switch (bytes) {
            case 1 -> MEMORY.set(JAVA_BYTE, address, (byte) value);
            case 2 -> MEMORY.set(JAVA_SHORT_UNALIGNED, address, (short) value);
            case 4 -> MEMORY.set(WORD, address, (int) value);
            default -> MEMORY.set(JAVA_LONG_UNALIGNED, address, value);
        }
    }

    public void set(boolean value) {
        set(value ? 1L : 0L);
    }

    /** Word {@code index} (32 bits, least significant first) of any port. */
    public int getWord(int index) {
        long a = wide;
        if (a == 0 || Integer.compareUnsigned(index, lastWord) > 0) return getWordOther(index);
        return MEMORY.get(WORD, a + 4L * index) & (index == lastWord ? topWordMask : -1);
    }

    /** Sets word {@code index} of an input; bits above the width are dropped. */
    public void setWord(int index, int value) {
        long a = wideIn;
        if (a == 0 || Integer.compareUnsigned(index, lastWord) > 0) {
            setWordOther(index, value);
            return;
        }
        MEMORY.set(WORD, a + 4L * index, value & (index == lastWord ? topWordMask : -1));
    }

    // The cases the fast paths leave out: kept out of line so the fast paths stay small enough to inline everywhere.

    private RuntimeException getError() {
        return address == 0 ? closed() : tooWide();
    }

    private void setOther(long value) {
        if (address == 0) throw closed();
        if (!input) throw notInput();
        for (int i = 2; i <= lastWord; i++) setWord(i, 0); // a wide input: zero-extended
        setWord(0, (int) value);
        setWord(1, (int) (value >>> 32));
    }

    private int getWordOther(int index) {
        if (Integer.compareUnsigned(index, lastWord) > 0) throw badWord(index);
        if (address == 0) throw closed();
        return (int) (get() >>> (32 * index)); // a narrow port
    }

    private void setWordOther(int index, int value) {
        if (Integer.compareUnsigned(index, lastWord) > 0) throw badWord(index);
        if (address == 0) throw closed();
        if (!input) throw notInput();
        long shift = 32L * index; // a narrow input
        set((get() & ~(0xFFFF_FFFFL << shift)) | ((value & 0xFFFF_FFFFL) << shift));
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
        if (address == 0) throw closed();
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

    /** The native address of the storage, for the shim's clock argument; 0 once the model is closed. */
    long storageAddress() {
        return address;
    }

    /** Called by {@link NativeModel#close()} before the model's memory is freed: every later access throws. */
    void detach() {
        address = 0;
        narrow = 0;
        narrowIn = 0;
        wide = 0;
        wideIn = 0;
    }

    private IllegalStateException closed() {
        return new IllegalStateException("port " + spec.name() + " used after " + model + " was closed");
    }

    private IllegalStateException notInput() {
        return new IllegalStateException("port " + spec.name() + " of " + model.top()
                + " is an output: only the model drives it");
    }

    private IndexOutOfBoundsException badWord(int index) {
        return new IndexOutOfBoundsException("port " + spec + " has words 0.." + lastWord + ", not " + index);
    }

    private UnsupportedOperationException tooWide() {
        return new UnsupportedOperationException("port " + spec
                + " is wider than 64 bits: get() would truncate it; use getBig() or getWord(i)");
    }
}
