package dev.spindle.hdl.ir;

/** A statement of a component's body: assignments, conditionals and memory writes. */
public sealed interface Stmt permits Assign, When, Switch, MemWrite {
    SourceLoc loc();
}
