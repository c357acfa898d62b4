package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.List;

/** {@code case (selector)} with literal cases and a default block. */
public record Switch(Node selector, List<Case> cases, Block dflt, SourceLoc loc) implements Stmt {
    public record Case(List<Const> values, Block body) {}

    public Switch(Node selector, SourceLoc loc) { this(selector, new ArrayList<>(), new Block(), loc); }
}
