package dev.spindle.hdl.ir;

/** A value in the netlist: a declared signal, a constant or an operator. Immutable apart from a signal's drivers. */
public abstract sealed class Node permits Signal, Const, Op {
    private final int width;
    private final ComponentNode owner;
    /** Scratch stamp for graph passes (a pass takes a fresh stamp so it needs no visited set). */
    private int mark;

    protected Node(int width, ComponentNode owner) {
        if (width < 1) throw new IllegalArgumentException("width must be at least 1, got " + width);
        this.width = width;
        this.owner = owner;
    }

    public final int width() { return width; }

    public final int mark() { return mark; }

    public final void mark(int stamp) { this.mark = stamp; }

    /** The component whose body created this node (null for constants, which belong everywhere). */
    public final ComponentNode owner() { return owner; }
}
