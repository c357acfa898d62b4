package dev.spindle.hdl.verilog;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.Reads;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.StmtWalk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What of a module is needed: everything in the fan-in of its outputs and of its children's inputs, through
 * registers and memories. Unused logic is left out of the Verilog (as SpinalHDL does), so linters see no dead code.
 * Also counts how often each operator is referenced, which decides what the writer names.
 */
final class Liveness {
    /** Something a process reads: a value or a condition. */
    private record Guarded(List<Node> reads) {}

    final Set<Signal> signals = Collections.newSetFromMap(new IdentityHashMap<>());
    final Set<MemNode> mems = Collections.newSetFromMap(new IdentityHashMap<>());
    final Map<Op, Integer> uses = new IdentityHashMap<>();

    private final ComponentNode c;
    private final Map<Signal, List<Guarded>> drivers = new IdentityHashMap<>();
    private final Map<MemNode, List<Guarded>> writes = new IdentityHashMap<>();
    private final ArrayDeque<Signal> work = new ArrayDeque<>();
    private final ArrayDeque<Node> todo = new ArrayDeque<>();

    Liveness(ComponentNode c) {
        this.c = c;
        StmtWalk.walk(c.body(), (stmt, conds) -> {
            Guarded g = new Guarded(Reads.of(stmt, conds));
            if (stmt instanceof Assign a) {
                drivers.computeIfAbsent(a.target(), k -> new ArrayList<>()).add(g);
            } else if (stmt instanceof MemWrite w) {
                writes.computeIfAbsent(w.mem(), k -> new ArrayList<>()).add(g);
            }
        });
        for (Signal p : c.ports()) if (p.kind() == Signal.Kind.OUT) live(p);
        for (ComponentNode child : c.children()) for (Signal p : child.ports()) if (p.kind() == Signal.Kind.IN) live(p);
        while (!work.isEmpty()) {
            Signal s = work.pop();
            for (Guarded g : drivers.getOrDefault(s, List.of())) for (Node n : g.reads()) read(n);
        }
    }

    private void live(Signal s) {
        if (signals.add(s)) work.push(s);
    }

    private void read(Node root) {
        if (root instanceof Signal s) {   // the common root (a condition every statement under it reads): no walk
            if (s.owner() == c || (s.isPort() && s.owner().parent() == c)) live(s);
            return;
        }
        ArrayDeque<Node> todo = this.todo;   // empty between calls
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (n instanceof Signal s) {
                if (s.owner() == c || (s.isPort() && s.owner().parent() == c)) live(s);
            } else if (n instanceof Op op) {
                int count = uses.merge(op, 1, Integer::sum);
                if (count > 1) continue;
                for (int i = 0; i < op.argCount(); i++) todo.push(op.arg(i));
                if (op.kind() == OpKind.MEM_READ && mems.add(op.mem())) {
                    for (Guarded g : writes.getOrDefault(op.mem(), List.of())) for (Node r : g.reads()) todo.push(r);
                }
            }
        }
    }
}
