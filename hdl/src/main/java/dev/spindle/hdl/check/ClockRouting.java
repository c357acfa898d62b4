package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.MemWrite;
import dev.spindle.hdl.ir.StmtWalk;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Brings each domain's clock, reset and enable to the components that use them, as SpinalHDL does: an input port
 * per component on the way down ({@code clk}, {@code reset}), connected by the parent. Only what is used is routed,
 * so no module gets an unused clock or reset port.
 */
final class ClockRouting {
    private ClockRouting() {}

    static void route(ComponentNode top) {
        Set<Signal> external = route0(top);
        for (Signal s : external) {
            throw new HdlError(HdlError.Kind.INVALID, "clock domain signal " + s.name() + " is not reachable from the top", s.loc());
        }
    }

    /** Routes below {@code c}; returns the domain signals {@code c} needs from above. */
    private static Set<Signal> route0(ComponentNode c) {
        Set<Signal> need = new LinkedHashSet<>();
        for (ComponentNode child : c.children()) {
            for (Signal s : route0(child)) {
                Signal port = child.routed().computeIfAbsent(s, k -> newPort(child, k));
                if (s.owner() != c && !s.owner().isAncestorOf(c)) {
                    throw new HdlError(HdlError.Kind.INVALID, "clock domain signal " + s.name() + " of " + s.owner().path()
                            + " is used in " + child.path() + ", which is not below it: create the domain in a common parent", s.loc());
                }
                need.add(s);
                // The value is the domain signal itself; inside c it stands for c's own port (ComponentNode.local).
                Assign a = new Assign(port, 0, 0, s, SourceLoc.UNKNOWN, c);
                port.drivers().add(a);
                c.body().add(a);
            }
        }
        for (Signal s : c.signals()) {
            if (s.kind() != Signal.Kind.REG) continue;
            need.add(s.domain().clock());
            if (s.init() != null && s.domain().reset() != null) need.add(s.domain().reset());
            if (s.domain().enable() != null) need.add(s.domain().enable());
        }
        Set<MemNode> written = writtenMemories(c);
        for (MemNode m : c.mems()) {
            if (written.contains(m)) {
                need.add(m.domain().clock());
                if (m.domain().enable() != null) need.add(m.domain().enable());
            }
        }
        Set<Signal> fromAbove = new LinkedHashSet<>();
        for (Signal s : need) {
            if (s.owner() == c) {
                if (s.kind() == Signal.Kind.IN && c.parent() == null && !c.ports().contains(s)) {
                    c.ports().add(s);
                    c.signals().add(s);
                }
            } else {
                fromAbove.add(s);
            }
        }
        // Routed ports are rewired in the child's own statements through ComponentNode.local().
        for (Signal s : fromAbove) c.routed().computeIfAbsent(s, k -> newPort(c, k));
        return fromAbove;
    }

    private static Signal newPort(ComponentNode c, Signal s) {
        Signal p = new Signal(Signal.Kind.IN, 1, c, s.loc(), null, null);
        p.setName(s.name(), NameSource.EXPLICIT);
        c.ports().add(p);
        c.signals().add(p);
        return p;
    }

    /** The memories this component's body writes, in one walk. */
    private static Set<MemNode> writtenMemories(ComponentNode c) {
        Set<MemNode> written = Collections.newSetFromMap(new IdentityHashMap<>());
        StmtWalk.walk(c.body(), (stmt, conditions) -> {
            if (stmt instanceof MemWrite w) written.add(w.mem());
        });
        return written;
    }
}
