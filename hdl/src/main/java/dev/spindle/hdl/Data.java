package dev.spindle.hdl;

import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Signal;

import java.util.List;
import java.util.function.Supplier;

/** Anything with a hardware value: a single signal ({@link BaseType}) or a group of them ({@link Bundle}, {@link Vec}). */
public abstract class Data {
    Data() {}

    /** The leaf signals, in declaration order. */
    public abstract List<BaseType> flatten();

    /** Gives this value an explicit name (a bundle prefixes its fields with it). Returns {@code this}. */
    public abstract <T extends Data> T named(String name);

    /**
     * A weak name, for library code that builds hardware for its caller: each leaf is named {@code name} (a bundle's
     * leaves {@code name_<field>...}) unless a field, the user's local variable or {@link #named} names it.
     * Returns {@code this}.
     */
    @SuppressWarnings("unchecked")
    public final <T extends Data> T suggestName(String name) {
        suggest(this, () -> name, "");
        return (T) this;
    }

    /**
     * {@link #suggestName(String)} with a name known only later: {@code <prefix>_<suffix>[_<field>...]} once
     * {@code prefix} gives non-null (it is asked at emission, so it can follow the name of another signal).
     */
    @SuppressWarnings("unchecked")
    public final <T extends Data> T suggestName(Supplier<String> prefix, String suffix) {
        suggest(this, prefix, "_" + suffix);
        return (T) this;
    }

    private static void suggest(Data d, Supplier<String> prefix, String path) {
        if (d instanceof BaseType b) {
            if (b.node() instanceof Signal s && s.nameSource().compareTo(NameSource.DERIVED) < 0) {
                s.setLazyName(() -> {
                    String p = prefix.get();
                    return p == null ? null : p + path;
                });
            }
        } else if (d instanceof Bundle bundle) {
            List<Bundle.Element> elements = bundle.elements();
            for (int i = 0; i < elements.size(); i++) suggest(elements.get(i).data(), prefix, path + "_" + bundle.elementName(i));
        }
    }

    /** Drives this signal (or every field of this bundle) from {@code value}, with width and type checks. */
    public abstract void assign(Data value);

    /** Total width in bits. */
    public int totalWidth() {
        int w = 0;
        for (BaseType b : flatten()) w += b.width();
        return w;
    }

    /** All the bits, the first declared field in the most significant position (SpinalHDL's {@code asBits}). */
    public Bits asBits() {
        List<BaseType> leaves = flatten();
        if (leaves.size() == 1) return leaves.getFirst().asBits();
        return Hdl.cat(leaves.toArray(BaseType[]::new));
    }

    /** Drives every field from a bit vector laid out as {@link #asBits()}. */
    public void assignFromBits(Bits bits) {
        if (bits.width() != totalWidth()) {
            throw Checks.widthMismatch(flatten().getFirst(), totalWidth(), bits.width());
        }
        int hi = totalWidth() - 1;
        for (BaseType leaf : flatten()) {
            int w = leaf.width();
            leaf.assignNode(Build.slice(bits.node(), hi, hi - w + 1));
            hi -= w;
        }
    }
}
