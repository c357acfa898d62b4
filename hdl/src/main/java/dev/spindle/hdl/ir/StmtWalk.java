package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Visits each assignment and memory write of a body with the conditions and selectors that enclose it. */
public final class StmtWalk {
    private StmtWalk() {}

    /** {@code visitor} gets each Assign and MemWrite with its enclosing conditions (a list reused between calls). */
    public static void walk(Block block, BiConsumer<Stmt, List<Node>> visitor) { walk(block, visitor, new ArrayList<>()); }

    private static void walk(Block block, BiConsumer<Stmt, List<Node>> visitor, List<Node> conds) {
        for (Stmt s : block.stmts()) {
            switch (s) {
                case When w -> {
                    conds.add(w.cond());
                    walk(w.then(), visitor, conds);
                    walk(w.otherwise(), visitor, conds);
                    conds.removeLast();
                }
                case Switch sw -> {
                    conds.add(sw.selector());
                    for (Switch.Case c : sw.cases()) walk(c.body(), visitor, conds);
                    walk(sw.dflt(), visitor, conds);
                    conds.removeLast();
                }
                default -> visitor.accept(s, conds);
            }
        }
    }
}
