package dev.spindle.hdl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** N elements of one type, named {@code <name>_0 .. <name>_{N-1}}. */
public final class Vec<T extends Data> extends Bundle implements Iterable<T> {
    private final HardType<T> type;
    private final List<T> items = new ArrayList<>();

    private Vec(HardType<T> type, int size) {
        this.type = type;
        Require.range("size", size, 1, 1 << 20);
        for (int i = 0; i < size; i++) items.add(field(type));
    }

    public static <T extends Data> Vec<T> of(HardType<T> type, int size) { return new Vec<>(type, size); }

    /** The hardware type of a Vec: use it for ports and registers, {@code in(Vec.type(SInt.type(16), 4))}. */
    public static <T extends Data> HardType<Vec<T>> type(HardType<T> type, int size) { return () -> new Vec<>(type, size); }

    public T get(int i) { return items.get(i); }

    public int size() { return items.size(); }

    /** The index of {@code item} (by identity), or -1 when it is not an element of this Vec. */
    public int indexOf(Data item) {
        for (int i = 0; i < items.size(); i++) if (items.get(i) == item) return i;
        return -1;
    }

    public HardType<T> elementType() { return type; }

    @Override public String elementName(int i) { return String.valueOf(i); }

    @Override public Iterator<T> iterator() { return items.iterator(); }

    @Override public Bundle cloneType() { return new Vec<>(type, items.size()); }

    /**
     * Element {@code index} chosen by hardware: a balanced tree of multiplexers on the index bits (depth
     * log2(size), so a 16,384-entry read stays shallow); out-of-range indices read the last element.
     */
    public T read(UInt index) {
        T last = items.get(items.size() - 1);
        int levels = Math.min(Hdl.log2Up(items.size()), index.width());
        List<T> level = new ArrayList<>(items.subList(0, Math.min(items.size(), 1 << levels)));
        while (level.size() < 1 << levels) level.add(last);
        for (int b = 0; b < levels && items.size() > 1; b++) {
            Bool bit = index.bit(b);
            List<T> next = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                T lo = level.get(i);
                T hi = level.get(i + 1);
                next.add(lo == hi ? lo : Hdl.mux(bit, hi, lo));
            }
            level = next;
        }
        T tree = level.getFirst();
        if (index.width() <= levels || items.size() == 1) return tree;
        return Hdl.mux(index.bits(index.width() - 1, levels).orR(), last, tree);
    }
}
