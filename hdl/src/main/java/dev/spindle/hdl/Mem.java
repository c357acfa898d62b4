package dev.spindle.hdl;

import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.SourceLoc;

import java.math.BigInteger;

/**
 * A memory of {@code depth} words of type T, written in the clock domain current at its creation. Emitted as a
 * Verilog array with one write process, in the forms Yosys and Vivado infer as block or distributed RAM:
 * {@link #readSync} gives a registered read (block RAM), {@link #readAsync} a combinational one (LUT RAM).
 */
public final class Mem<T extends Data> {
    private final HardType<T> type;
    /** One instance of T, made once: it gives the word width and, for a single signal, the class a read wraps. */
    private final T prototype;
    private final MemNode node;

    private Mem(HardType<T> type, int depth, BigInteger[] init) {
        Require.range("depth", depth, 1, 1 << 24);
        this.type = type;
        this.prototype = type.create();
        int width = prototype.totalWidth();
        Elaboration e = Elaboration.current();
        if (init != null && init.length != depth) {
            throw new IllegalArgumentException("init has " + init.length + " words, the memory has depth " + depth);
        }
        if (init != null) {
            for (int i = 0; i < init.length; i++) {
                if (init[i].signum() < 0 || init[i].bitLength() > width) {
                    throw new IllegalArgumentException("init[" + i + "] = " + init[i] + " does not fit " + width + " bits (give raw unsigned bit patterns)");
                }
            }
        }
        Sites.Site site = Sites.site();
        this.node = new MemNode(width, depth, e.component(), site.loc(), e.domain(), init);
        if (site.name() != null) node.setName(site.name(), site.source());
        e.component().mems().add(node);
    }

    public static <T extends Data> Mem<T> of(HardType<T> type, int depth) { return new Mem<>(type, depth, null); }

    /** A memory with initial content (a ROM when never written): raw unsigned bit patterns, one per word. */
    public static <T extends Data> Mem<T> of(HardType<T> type, long[] init) {
        BigInteger[] big = new BigInteger[init.length];
        for (int i = 0; i < init.length; i++) big[i] = BigInteger.valueOf(init[i]);
        return new Mem<>(type, init.length, big);
    }

    public static <T extends Data> Mem<T> of(HardType<T> type, BigInteger[] init) { return new Mem<>(type, init.length, init.clone()); }

    public MemNode node() { return node; }

    public int depth() { return node.depth(); }

    public int addressWidth() { return node.addressWidth(); }

    public Mem<T> named(String name) {
        node.setName(name, NameSource.EXPLICIT);
        return this;
    }

    /** A weak name, for library code: used unless a field, a local variable or {@link #named} names the memory. */
    public Mem<T> suggestName(String name) {
        node.setName(name, NameSource.DERIVED);
        return this;
    }

    private void checkAddress(UInt address) {
        if (address.width() != node.addressWidth()) {
            throw new HdlError(HdlError.Kind.WIDTH_MISMATCH, "(" + node.addressWidth() + " bits <- " + address.width()
                    + " bits) on the address of a memory of depth " + node.depth(), Sites.loc());
        }
    }

    /** Combinational read. */
    public T readAsync(UInt address) {
        checkAddress(address);
        return fromBits(new Bits(Build.memRead(node, address.node())));
    }

    /** Registered read (one cycle of latency), every cycle. */
    public T readSync(UInt address) { return readSync(address, Bool.lit(true)); }

    /** Registered read when {@code enable} holds; the output keeps its value otherwise. */
    public T readSync(UInt address, Bool enable) {
        checkAddress(address);
        T value = fromBits(new Bits(Build.memRead(node, address.node())));
        return Hdl.RegNextWhen(value, enable);
    }

    public void write(UInt address, T data) { write(address, data, null, null); }

    public void write(UInt address, T data, Bool enable) { write(address, data, enable, null); }

    /**
     * Writes where {@code enable} holds (null: always, under the enclosing when). With a mask of m bits, bit i
     * writes bits [i*g+g-1 : i*g] of the word, g = width / m.
     */
    public void write(UInt address, T data, Bool enable, Bits mask) {
        checkAddress(address);
        if (data.totalWidth() != node.width()) {
            throw new HdlError(HdlError.Kind.WIDTH_MISMATCH, "(" + node.width() + " bits <- " + data.totalWidth()
                    + " bits) on the data written to a memory", Sites.loc());
        }
        if (mask != null && (node.width() % mask.width() != 0)) {
            throw new IllegalArgumentException("mask width " + mask.width() + " must divide the word width " + node.width());
        }
        MemWrite w = new MemWrite(node, address.node(), data.asBits().node(), mask == null ? null : mask.node(), Sites.loc());
        if (enable == null) {
            Elaboration.current().addStmt(w);
        } else {
            Hdl.when(enable, () -> Elaboration.current().addStmt(w));
        }
    }

    @SuppressWarnings("unchecked")
    private T fromBits(Bits bits) {
        if (prototype instanceof BaseType b) return (T) b.wrap(bits.node());
        T word = type.create();
        word.assignFromBits(bits);
        return word;
    }
}
