package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Dag;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.Signal;

import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * CLOCK CROSSING VIOLATION: a register (or memory write) whose next value depends, through logic only, on a
 * register of another clock domain. The first register of a library synchronizer ({@code BufferCC}) is marked
 * and allowed. The design is known to be free of combinational loops when this runs.
 */
final class ClockCrossingCheck {
    private ClockCrossingCheck() {}

    static void run(Netlist n, List<Domain> domains) {
        if (domains.size() < 2) return;
        if (domains.size() > 64) throw new IllegalStateException("at most 64 clock domains are supported");
        Map<Domain, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < domains.size(); i++) index.put(domains.get(i), i);
        Map<Node, Long> memo = new IdentityHashMap<>();
        for (ComponentNode c : n.components) {
            for (Signal r : c.signals()) {
                if (r.kind() != Signal.Kind.REG || r.crossClockDomain()) continue;
                long own = 1L << index.get(r.domain());
                for (Node d : n.dependenciesOf(r)) {
                    long sources = domainsOf(n, d, index, memo);
                    if ((sources & ~own) != 0) {
                        Signal from = findSource(n, d, r.domain());
                        throw new HdlError(HdlError.Kind.CLOCK_CROSSING, "on " + Describe.signal(r) + " in " + r.domain()
                                + ": it samples " + (from == null ? "a signal" : Describe.signal(from) + " of " + sourceDomain(from))
                                + " without a synchronizer; use BufferCC (or a clock-crossing FIFO)", r.drivers().getFirst().loc());
                    }
                }
            }
        }
        for (Netlist.GuardedWrite g : n.memWrites) {
            long own = 1L << index.get(g.write().mem().domain());
            long sources = domainsOf(n, g.write().address(), index, memo) | domainsOf(n, g.write().data(), index, memo);
            for (Node cond : g.conditions()) sources |= domainsOf(n, cond, index, memo);
            if ((sources & ~own) != 0) {
                throw new HdlError(HdlError.Kind.CLOCK_CROSSING, "on a write to memory " + g.write().mem().name() + " in "
                        + g.write().mem().domain() + ": its address, data or enable come from another clock domain", g.write().loc());
            }
        }
    }

    private static Object sourceDomain(Signal s) { return s.domain(); }

    /** Bit set of the domains of the registers (and memories) this node reads through logic. */
    private static long domainsOf(Netlist n, Node root, Map<Domain, Integer> index, Map<Node, Long> memo) {
        return Dag.postOrder(root, memo, node -> inputs(n, node), (node, inputs) -> {
            if (node instanceof Signal s && s.kind() == Signal.Kind.REG) return s.crossClockDomain() ? 0L : 1L << index.get(s.domain());
            long mask = 0;
            for (Node in : inputs) mask |= memo.get(in);
            if (node instanceof Op op && op.kind() == OpKind.MEM_READ && op.mem().domain() != null) {
                mask |= 1L << index.get(op.mem().domain());
            }
            return mask;
        });
    }

    private static List<Node> inputs(Netlist n, Node node) {
        if (node instanceof Signal s) return s.kind() == Signal.Kind.REG ? List.of() : n.dependenciesOf(s);
        if (node instanceof Op op) return op.args();
        return List.of();
    }

    /** A register of another domain that {@code root} reads (for the message). */
    private static Signal findSource(Netlist n, Node root, Domain own) {
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        Map<Node, Boolean> seen = new IdentityHashMap<>();
        while (!todo.isEmpty()) {
            Node node = todo.pop();
            if (seen.put(node, true) != null) continue;
            if (node instanceof Signal s && s.kind() == Signal.Kind.REG) {
                if (s.domain() != own && !s.crossClockDomain()) return s;
                continue;
            }
            for (Node in : inputs(n, node)) todo.push(in);
        }
        return null;
    }
}
