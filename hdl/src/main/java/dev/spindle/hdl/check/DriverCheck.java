package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Reads;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.Stmt;
import dev.spindle.hdl.ir.StmtWalk;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import dev.spindle.hdl.ir.SourceLoc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * NO DRIVER: every output, every child input and every signal that is read has a driver (a register with a reset
 * value may stay constant). MULTIPLE DRIVERS: two unconditional whole assignments of one signal in the same block,
 * where the first can never take effect (SpinalHDL's "assignment overlap").
 */
final class DriverCheck {
    private DriverCheck() {}

    static void run(Netlist n) {
        int stamp = Exprs.newStamp();
        // Where each signal is first read: an undriven one is reported at its use, not only at its declaration.
        Map<Signal, SourceLoc> firstRead = new IdentityHashMap<>();
        for (ComponentNode c : n.components) {
            StmtWalk.walk(c.body(), (stmt, conditions) -> {
                for (Node read : Reads.of(stmt, conditions)) Exprs.visit(read, stamp, s -> firstRead.putIfAbsent(s, stmt.loc()), null);
            });
        }
        for (ComponentNode c : n.components) {
            for (Signal s : c.signals()) {
                if (!s.drivers().isEmpty()) continue;
                boolean read = s.mark() == stamp;
                boolean mustDrive = switch (s.kind()) {
                    case OUT -> !c.isBlackBox();
                    case IN -> c.parent() != null;
                    case WIRE -> read;
                    case REG -> read && s.init() == null;
                };
                if (mustDrive) {
                    String what = switch (s.kind()) {
                        case OUT -> "an output must be driven";
                        case IN -> "an input of a sub-component must be driven by its parent " + c.parent().path();
                        case WIRE -> "it is read but never assigned";
                        case REG -> "the register is read but never assigned and has no reset value";
                    };
                    List<SourceLoc> where = new ArrayList<>();
                    SourceLoc use = firstRead.get(s);
                    if (use != null && use != SourceLoc.UNKNOWN) where.add(use);
                    where.add(s.loc());
                    if (s.kind() == Signal.Kind.OUT && c.loc() != null && c.loc() != SourceLoc.UNKNOWN && !where.contains(c.loc())) {
                        what += " in the constructor of " + c.definitionName() + " (created at " + c.loc() + ")";
                        where.add(c.loc());
                    }
                    if (use != null) what += "; read at " + use + ", declared at " + s.loc();
                    throw new HdlError(HdlError.Kind.NO_DRIVER, "on " + Describe.signal(s) + ": " + what, where);
                }
            }
            checkOverlaps(c.body());
        }
    }

    private static void checkOverlaps(Block block) {
        Map<Signal, Assign> whole = new IdentityHashMap<>();
        for (Stmt s : block.stmts()) {
            switch (s) {
                case Assign a -> {
                    if (a.isFull()) {
                        Assign earlier = whole.put(a.target(), a);
                        if (earlier != null) {
                            throw new HdlError(HdlError.Kind.MULTIPLE_DRIVERS, "on " + Describe.signal(a.target())
                                    + ": assigned twice unconditionally, the second overlaps the first completely",
                                    List.of(earlier.loc(), a.loc()));
                        }
                    }
                }
                case When w -> {
                    checkOverlaps(w.then());
                    checkOverlaps(w.otherwise());
                }
                case Switch sw -> {
                    for (Switch.Case cs : sw.cases()) checkOverlaps(cs.body());
                    checkOverlaps(sw.dflt());
                }
                default -> { }
            }
        }
    }
}
