package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * COMBINATIONAL LOOP: a signal that depends on itself without a register in between, across the hierarchy.
 * Depth-first search without recursion (a long chain must not overflow the stack); registers cut the graph.
 */
final class LoopCheck {
    private LoopCheck() {}

    private static List<Node> successors(Netlist n, Node node) {
        if (node instanceof Signal s) return s.kind() == Signal.Kind.REG ? List.of() : n.dependenciesOf(s);
        if (node instanceof Op op) return op.args();
        return List.of();
    }

    static void run(Netlist n) {
        int done = Exprs.newStamp();
        Map<Node, Integer> onPath = new IdentityHashMap<>();
        List<Node> path = new ArrayList<>();
        List<Integer> nextChild = new ArrayList<>();
        for (ComponentNode c : n.components) {
            for (Signal root : c.signals()) {
                if (root.mark() == done) continue;
                path.add(root);
                nextChild.add(0);
                onPath.put(root, 0);
                while (!path.isEmpty()) {
                    int top = path.size() - 1;
                    Node node = path.get(top);
                    List<Node> succ = successors(n, node);
                    int i = nextChild.get(top);
                    if (i < succ.size()) {
                        nextChild.set(top, i + 1);
                        Node next = succ.get(i);
                        if (next.mark() == done) continue;
                        Integer at = onPath.get(next);
                        if (at != null) throw loop(path.subList(at, path.size()));
                        onPath.put(next, path.size());
                        path.add(next);
                        nextChild.add(0);
                    } else {
                        node.mark(done);
                        onPath.remove(node);
                        path.removeLast();
                        nextChild.removeLast();
                    }
                }
            }
        }
    }

    private static HdlError loop(List<Node> cycle) {
        List<String> names = new ArrayList<>();
        Set<SourceLoc> locs = new LinkedHashSet<>();
        for (Node node : cycle) {
            if (node instanceof Signal s) {
                names.add(Describe.signal(s));
                s.drivers().forEach(a -> { if (a.loc() != SourceLoc.UNKNOWN) locs.add(a.loc()); });
            }
        }
        if (!names.isEmpty()) names.add(names.getFirst());
        return new HdlError(HdlError.Kind.COMBINATIONAL_LOOP, ": Partial chain " + String.join(" -> ", names)
                + "; break it with a register", new ArrayList<>(locs));
    }
}
