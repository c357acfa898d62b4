package dev.spindle.hdl.ir;

import java.util.ArrayList;
import java.util.List;

/** An ordered list of statements; later assignments to the same bits win, as in a Verilog process. */
public final class Block {
    private final List<Stmt> stmts = new ArrayList<>();

    public void add(Stmt s) { stmts.add(s); }

    public List<Stmt> stmts() { return stmts; }

    public boolean isEmpty() { return stmts.isEmpty(); }
}
