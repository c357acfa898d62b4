package dev.spindle.hdl;

import java.util.List;

/** Anything with a hardware value: a single signal ({@link BaseType}) or a group of them ({@link Bundle}, {@link Vec}). */
public abstract class Data {
    Data() {}

    /** The leaf signals, in declaration order. */
    public abstract List<BaseType> flatten();

    /** Gives this value an explicit name (a bundle prefixes its fields with it). Returns {@code this}. */
    public abstract <T extends Data> T named(String name);

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
