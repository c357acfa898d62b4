package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.StmtWalk;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An index of the whole design built in one walk: every component, and for every driven signal the nodes its
 * value depends on (assigned values and enclosing conditions), which the graph checks follow.
 */
final class Netlist {
    /** A memory write and the conditions under which it happens. */
    record GuardedWrite(MemWrite write, List<Node> conditions, ComponentNode where) {}

    final List<ComponentNode> components = new ArrayList<>();
    final Map<Signal, List<Node>> dependencies = new IdentityHashMap<>();
    final List<GuardedWrite> memWrites = new ArrayList<>();

    Netlist(ComponentNode top) {
        collect(top);
        for (ComponentNode c : components) {
            StmtWalk.walk(c.body(), (stmt, conditions) -> {
                if (stmt instanceof Assign a) {
                    List<Node> deps = dependencies.computeIfAbsent(a.target(), k -> new ArrayList<>(2));
                    deps.add(a.value());
                    deps.addAll(conditions);
                } else if (stmt instanceof MemWrite w) {
                    memWrites.add(new GuardedWrite(w, List.copyOf(conditions), c));
                }
            });
        }
    }

    private void collect(ComponentNode c) {
        components.add(c);
        for (ComponentNode child : c.children()) collect(child);
    }

    List<Node> dependenciesOf(Signal s) { return dependencies.getOrDefault(s, List.of()); }
}
