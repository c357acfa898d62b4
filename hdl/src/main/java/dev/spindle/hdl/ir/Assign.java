package dev.spindle.hdl.ir;

/**
 * {@code target[hi:lo] = value} (the whole target when hi..lo covers it), written in {@code where}'s body.
 * The value's width is hi - lo + 1.
 */
public record Assign(Signal target, int hi, int lo, Node value, SourceLoc loc, ComponentNode where) implements Stmt {
    public boolean isFull() { return lo == 0 && hi == target.width() - 1; }
}
