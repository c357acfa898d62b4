package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Reads;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.StmtWalk;


/**
 * A component drives only its own signals and its children's inputs, and reads only its own signals and its
 * children's ports. Driving one's own input is a second driver (the parent drives it).
 */
final class HierarchyCheck {
    private HierarchyCheck() {}

    static void run(Netlist n) {
        for (ComponentNode c : n.components) {
            int stamp = Exprs.newStamp();
            StmtWalk.walk(c.body(), (stmt, conditions) -> {
                if (stmt instanceof Assign a) checkTarget(c, a);
                for (Node read : Reads.of(stmt, conditions)) checkReads(c, read, stamp, stmt.loc());
            });
        }
    }

    private static void checkTarget(ComponentNode c, Assign a) {
        Signal t = a.target();
        if (t.owner() == c) {
            if (t.kind() == Signal.Kind.IN) {
                throw new HdlError(HdlError.Kind.MULTIPLE_DRIVERS, "on " + Describe.signal(t)
                        + ": an input is driven by the parent, so " + c.path() + " cannot assign it", a.loc());
            }
            return;
        }
        if (t.owner().parent() == c) {
            if (t.kind() == Signal.Kind.IN) return;
            if (t.kind() == Signal.Kind.OUT) {
                throw new HdlError(HdlError.Kind.MULTIPLE_DRIVERS, "on " + Describe.signal(t) + ": an output of "
                        + t.owner().path() + " is driven inside it, so its parent " + c.path() + " cannot assign it", a.loc());
            }
        }
        throw new HdlError(HdlError.Kind.HIERARCHY_VIOLATION, Describe.signal(t) + " is assigned in " + c.path()
                + ", but only its own component may drive it (a parent may drive only its children's inputs)", a.loc());
    }

    private static void checkReads(ComponentNode c, Node root, int stamp, SourceLoc loc) {
        Exprs.visit(root, stamp, s -> {
            boolean visible = s.owner() == c || (s.isPort() && s.owner().parent() == c) || c.routed().containsKey(s);
            if (!visible) {
                throw new HdlError(HdlError.Kind.HIERARCHY_VIOLATION, Describe.signal(s) + " is read in " + c.path()
                        + ", but it is internal to " + s.owner().path() + ": expose it as a port", loc);
            }
        }, op -> {
            if (op.owner() != c) {
                throw new HdlError(HdlError.Kind.HIERARCHY_VIOLATION, "an expression built in " + op.owner().path()
                        + " is used in " + c.path() + ": expose its value as a port", loc);
            }
        });
    }
}
