package dev.spindle.hdl.ir;

/** {@code if (cond) then else otherwise}. */
public record When(Node cond, Block then, Block otherwise, SourceLoc loc) implements Stmt {
    public When(Node cond, SourceLoc loc) { this(cond, new Block(), new Block(), loc); }
}
