package dev.spindle.hdl.ir;

import java.math.BigInteger;

/** A memory array: {@code depth} words of {@code width} bits, written synchronously in its domain. */
public final class MemNode {
    private final int width;
    private final int depth;
    private final ComponentNode owner;
    private final SourceLoc loc;
    private final Domain domain;
    private final BigInteger[] init;
    private String name;
    private NameSource nameSource = NameSource.NONE;

    public MemNode(int width, int depth, ComponentNode owner, SourceLoc loc, Domain domain, BigInteger[] init) {
        this.width = width;
        this.depth = depth;
        this.owner = owner;
        this.loc = loc;
        this.domain = domain;
        this.init = init;
    }

    public int width() { return width; }
    public int depth() { return depth; }
    public ComponentNode owner() { return owner; }
    public SourceLoc loc() { return loc; }
    public Domain domain() { return domain; }
    /** Initial content (one entry per word) or null. */
    public BigInteger[] init() { return init; }
    public String name() { return name; }

    public NameSource nameSource() { return nameSource; }

    /** Sets the name unless a stronger (or, for fields, an equal: the first field stays) source already named it. */
    public void setName(String name, NameSource source) {
        if (this.name == null || source.compareTo(nameSource) > 0) {
            this.name = name;
            this.nameSource = source;
        }
    }

    /** Address width: ceil(log2(depth)), at least 1. */
    public int addressWidth() { return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1)); }
}
