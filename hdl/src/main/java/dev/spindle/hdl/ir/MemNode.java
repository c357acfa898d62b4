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
    private boolean explicitName;

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

    /** Sets the name; a field name never replaces an explicit one, and the first field name stays. */
    public void setName(String name, boolean explicit) {
        if (this.name == null || (explicit && !explicitName)) {
            this.name = name;
            this.explicitName = explicit;
        }
    }

    /** Address width: ceil(log2(depth)), at least 1. */
    public int addressWidth() { return Math.max(1, 32 - Integer.numberOfLeadingZeros(depth - 1)); }
}
