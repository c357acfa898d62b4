package dev.spindle.hdl.check;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.Stmt;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** LATCH DETECTED: a combinational signal must get every bit assigned on every path through when/switch. */
final class LatchCheck {
    private LatchCheck() {}

    static void run(Netlist n) {
        for (ComponentNode c : n.components) {
            Set<Signal> targets = new LinkedHashSet<>();
            Map<Signal, BitSet> covered = cover(c.body(), targets);
            for (Signal s : targets) {
                BitSet bits = covered.get(s);
                if (bits == null || bits.cardinality() < s.width()) {
                    String missing = bits == null ? "some paths" : "bits " + missingBits(bits, s.width()) + " on some paths";
                    throw new HdlError(HdlError.Kind.LATCH, "on " + Describe.signal(s) + ": combinational signal not assigned on "
                            + missing + "; assign a default before the when/switch or add the missing branch", s.drivers().getFirst().loc());
                }
            }
        }
    }

    private static String missingBits(BitSet bits, int width) {
        BitSet m = new BitSet(width);
        m.set(0, width);
        m.andNot(bits);
        return m.toString();
    }

    /** The bits of each combinational signal assigned on every path through {@code block}. */
    private static Map<Signal, BitSet> cover(Block block, Set<Signal> targets) {
        Map<Signal, BitSet> acc = new IdentityHashMap<>();
        for (Stmt s : block.stmts()) {
            switch (s) {
                case Assign a -> {
                    if (a.target().kind() == Signal.Kind.REG) continue;
                    targets.add(a.target());
                    acc.computeIfAbsent(a.target(), k -> new BitSet(k.width())).set(a.lo(), a.hi() + 1);
                }
                case When w -> mergeIntersection(acc, cover(w.then(), targets), cover(w.otherwise(), targets));
                case Switch sw -> {
                    Map<Signal, BitSet> all = null;
                    for (Switch.Case c : sw.cases()) all = intersect(all, cover(c.body(), targets));
                    Map<Signal, BitSet> dflt = cover(sw.dflt(), targets);
                    if (!exhaustive(sw)) all = intersect(all, dflt);
                    if (all != null) mergeIntersection(acc, all, all);
                }
                default -> { }
            }
        }
        return acc;
    }

    private static boolean exhaustive(Switch sw) {
        int w = sw.selector().width();
        if (w > 20) return false;
        long values = 0;
        for (Switch.Case c : sw.cases()) values += c.values().size();
        return BigInteger.valueOf(values).equals(BigInteger.ONE.shiftLeft(w));
    }

    private static Map<Signal, BitSet> intersect(Map<Signal, BitSet> a, Map<Signal, BitSet> b) {
        if (a == null) return b;
        Map<Signal, BitSet> out = new IdentityHashMap<>();
        for (Map.Entry<Signal, BitSet> e : a.entrySet()) {
            BitSet other = b.get(e.getKey());
            if (other == null) continue;
            BitSet both = (BitSet) e.getValue().clone();
            both.and(other);
            out.put(e.getKey(), both);
        }
        return out;
    }

    private static void mergeIntersection(Map<Signal, BitSet> acc, Map<Signal, BitSet> a, Map<Signal, BitSet> b) {
        for (Map.Entry<Signal, BitSet> e : intersect(a, b).entrySet()) {
            acc.computeIfAbsent(e.getKey(), k -> new BitSet(k.width())).or(e.getValue());
        }
    }
}
