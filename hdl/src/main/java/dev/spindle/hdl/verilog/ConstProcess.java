package dev.spindle.hdl.verilog;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.Block;
import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.Stmt;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Combinational processes that read nothing: every value, condition and selector a literal (after folding). Such an
 * {@code always @(*)} has no sensitivity, so Icarus never runs it and the signal stays {@code x}; its value is
 * known at emission, so it becomes a continuous assignment of that literal.
 */
final class ConstProcess {
    private ConstProcess() {}

    /** Removes the constant combinational processes from {@code processes} and returns their values. */
    static Map<Signal, BigInteger> extract(Map<Object, Block> processes) {
        Map<Signal, BigInteger> values = new IdentityHashMap<>();
        for (Iterator<Map.Entry<Object, Block>> it = processes.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Object, Block> e = it.next();
            if (!(e.getKey() instanceof Signal s) || s.kind() == Signal.Kind.REG || !readsNothing(e.getValue())) continue;
            BigInteger[] v = {BigInteger.ZERO};
            run(e.getValue(), v);
            values.put(s, v[0]);
            it.remove();
        }
        return values;
    }

    private static boolean readsNothing(Block b) {
        for (Stmt s : b.stmts()) {
            boolean constant = switch (s) {
                case Assign a -> a.value() instanceof Const;
                case When w -> w.cond() instanceof Const && readsNothing(w.then()) && readsNothing(w.otherwise());
                case Switch sw -> sw.selector() instanceof Const && sw.cases().stream().allMatch(c -> readsNothing(c.body()))
                        && readsNothing(sw.dflt());
                default -> false;
            };
            if (!constant) return false;
        }
        return true;
    }

    /** Runs the statements as the simulator would, into {@code v[0]}. */
    private static void run(Block b, BigInteger[] v) {
        for (Stmt s : b.stmts()) {
            switch (s) {
                case Assign a -> {
                    BigInteger field = BigInteger.ONE.shiftLeft(a.hi() - a.lo() + 1).subtract(BigInteger.ONE).shiftLeft(a.lo());
                    v[0] = v[0].andNot(field).or(((Const) a.value()).value().shiftLeft(a.lo()));
                }
                case When w -> run(((Const) w.cond()).value().signum() != 0 ? w.then() : w.otherwise(), v);
                case Switch sw -> {
                    BigInteger sel = ((Const) sw.selector()).value();
                    Block chosen = sw.dflt();
                    for (Switch.Case c : sw.cases()) {
                        if (c.values().stream().anyMatch(k -> k.value().equals(sel))) {
                            chosen = c.body();
                            break;
                        }
                    }
                    run(chosen, v);
                }
                default -> throw new IllegalStateException("not a combinational statement: " + s);
            }
        }
    }
}
