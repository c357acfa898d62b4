package dev.spindle.hdl.verilog;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.Signal;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders expressions of one module. An operator is written inline unless a local variable of the user's code
 * holds it (it becomes a wire of that name), or it is used more than once, sliced, signed-sensitive ({@code >>>})
 * or too deeply nested; then it becomes a wire named after its driver ({@code _zz_<first named operand>}, a
 * temporary), so the Verilog stays readable and never depends on Verilog's context-determined widths or signedness.
 */
final class ExprWriter {
    private static final int MAX_INLINE_DEPTH = 3;
    /** Trees at least this deep are named bottom-up first ({@link #prepareDeep}). */
    private static final int DEEP = 32;

    private final Map<Op, Integer> uses;
    private final Function<Signal, String> signalRef;
    private final Function<MemNode, String> memRef;
    private final Names names;
    /** Wire names chosen beforehand for the operators held in the user's local variables. */
    private final Map<Op, String> localNames;
    private final Map<Op, String> materialized = new IdentityHashMap<>();
    /** The manifest origin of each materialized wire. */
    private final Map<String, String> wireOrigins = new LinkedHashMap<>();
    /** Declarations and continuous assignments of the materialized wires, in order of creation. */
    private final Map<String, String> wireAssigns = new LinkedHashMap<>();
    private final Map<String, Integer> wireWidths = new LinkedHashMap<>();
    /** Bits read of each named thing, to flag the ones deliberately left partly unused. */
    private final Map<String, BitSet> bitsRead = new LinkedHashMap<>();
    ExprWriter(Map<Op, Integer> uses, Function<Signal, String> signalRef, Function<MemNode, String> memRef, Names names,
               Map<Op, String> localNames) {
        this.uses = uses;
        this.signalRef = signalRef;
        this.memRef = memRef;
        this.names = names;
        this.localNames = localNames;
    }

    Map<String, String> wireAssigns() { return wireAssigns; }

    Map<String, String> wireOrigins() { return wireOrigins; }

    Map<String, Integer> wireWidths() { return wireWidths; }

    Map<String, BitSet> bitsRead() { return bitsRead; }

    /** The expression as a Verilog term. */
    String expr(Node n) {
        prepareDeep(n);
        return term(n);
    }

    private String term(Node n) {
        return switch (n) {
            case Const c -> Literals.of(c.value(), c.width());
            case Signal s -> readAll(signalRef.apply(s), s.width());
            case Op op -> {
                String name = materialized.get(op);
                if (name != null) yield readAll(name, op.width());
                if (mustName(op)) yield readAll(materialize(op), op.width());
                yield inline(op);
            }
        };
    }

    /** Bits [hi:lo] of an expression: a literal's bits, the whole term, or a slice of its name (a scalar has none). */
    String bits(Node n, int hi, int lo) {
        if (n instanceof Const c) {
            return Literals.of(c.value().shiftRight(lo).and(java.math.BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(java.math.BigInteger.ONE)), hi - lo + 1);
        }
        if (lo == 0 && hi == n.width() - 1) return expr(n);
        return readBits(named(n), hi, lo);
    }

    /** The expression as a name (materializing an operator), for slicing. */
    String named(Node n) {
        return switch (n) {
            case Signal s -> signalRef.apply(s);
            case Op op -> materialized.containsKey(op) ? materialized.get(op) : materialize(op);
            case Const c -> throw new IllegalStateException("constants are folded before slicing");
        };
    }

    private boolean mustName(Op op) {
        if (op.kind() == OpKind.SRA || op.kind() == OpKind.SRA_CONST || localNames.containsKey(op)) return true;
        return uses.getOrDefault(op, 0) > 1 || depth(op, MAX_INLINE_DEPTH + 1) > MAX_INLINE_DEPTH;
    }

    /** The inline nesting depth of {@code n}, counted no further than {@code limit} (so the walk stays shallow). */
    private int depth(Node n, int limit) {
        if (!(n instanceof Op op) || materialized.containsKey(op)) return 0;
        if (limit <= 1) return 1;
        int d = 0;
        for (int i = 0; i < op.argCount() && d < limit - 1; i++) d = Math.max(d, depth(op.arg(i), limit - 1));
        return d + 1;
    }

    /**
     * Names, bottom-up and without recursion, the operators of a tree deeper than {@link #DEEP}, so that writing it
     * never nests more than {@link #MAX_INLINE_DEPTH} levels (a 5,000-step fold would overflow the stack).
     */
    private void prepareDeep(Node root) {
        if (!(root instanceof Op r) || materialized.containsKey(r)) return;
        int[] budget = {SMALL};
        int small = smallDepth(r, budget);
        if (small >= 0 ? small < DEEP : inlineDepths(r, false) < DEEP) return;
        inlineDepths(r, true);
    }

    /** Operators (counted with repeats) a tree may have for {@link #smallDepth} to measure it: most have a handful. */
    private static final int SMALL = 64;

    /**
     * The inline depth of a small tree, as {@link #inlineDepths} counts it, by plain recursion (no map: the common
     * expression costs no allocation), or -1 once more than {@code budget[0]} operators have been visited.
     */
    private int smallDepth(Node n, int[] budget) {
        if (!(n instanceof Op op) || materialized.containsKey(op)) return 0;
        if (--budget[0] < 0) return -1;
        int d = 0;
        for (int i = 0; i < op.argCount(); i++) {
            int da = smallDepth(op.arg(i), budget);
            if (da < 0) return -1;
            d = Math.max(d, da);
        }
        return d + 1;
    }

    /**
     * The inline depth of every operator under {@code root} (not yet named), post-order with an explicit stack and
     * each shared operand visited once; with {@code name}, an operand that reaches the limit is named on the way.
     * Written out rather than through {@code Dag.postOrder}: this runs for every expression of a design, and the
     * generic walk's list of operands per node cost the 50,000-register chain about 0.2 s of its 2 s budget.
     */
    private int inlineDepths(Op root, boolean name) {
        Map<Op, Integer> depthOf = new IdentityHashMap<>();
        java.util.ArrayDeque<Op> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Op op = stack.peek();
            if (depthOf.containsKey(op)) {
                stack.pop();
                continue;
            }
            boolean ready = true;
            for (int i = 0; i < op.argCount(); i++) {
                if (op.arg(i) instanceof Op a && !materialized.containsKey(a) && !depthOf.containsKey(a)) {
                    stack.push(a);
                    ready = false;
                }
            }
            if (!ready) continue;
            stack.pop();
            int d = 0;
            for (int i = 0; i < op.argCount(); i++) {
                if (op.arg(i) instanceof Op a && !materialized.containsKey(a)) {
                    int da = depthOf.get(a);
                    if (name && da >= MAX_INLINE_DEPTH) {
                        materialize(a);
                        da = 0;
                    }
                    d = Math.max(d, da);
                }
            }
            depthOf.put(op, d + 1);
        }
        return depthOf.get(root);
    }

    private String materialize(Op op) {
        prepareDeep(op);
        String name = localNames.get(op);
        String origin;
        if (name != null) {
            origin = op.nameSource().origin();
        } else if (op.name() != null) {
            name = names.claim(op.name());   // a library's local: used when the operator needs a wire anyway
            origin = op.nameSource().origin();
        } else {
            name = names.claim("_zz_" + driver(op, 0));
            origin = "temporary";
        }
        materialized.put(op, name);
        wireOrigins.put(name, origin);
        // Operands deeper than the limit are named first, so this wire's expression stays short.
        for (int i = 0; i < op.argCount(); i++) {
            if (op.arg(i) instanceof Op a && !materialized.containsKey(a) && depth(a, MAX_INLINE_DEPTH) >= MAX_INLINE_DEPTH) materialize(a);
        }
        String body = inline(op);
        wireWidths.put(name, op.width());
        wireAssigns.put(name, body);
        return name;
    }

    /** What a temporary is named after: its first operand that has a name (a signal, a memory, a wire), else its operator. */
    private String driver(Op op, int depth) {
        if (op.kind() == OpKind.MEM_READ) return strip(memRef.apply(op.mem()));
        for (int i = 0; i < op.argCount(); i++) {
            Node a = op.arg(i);
            if (a instanceof Signal s) return strip(signalRef.apply(s));
            if (a instanceof Op o) {
                String m = materialized.get(o);
                if (m != null) return strip(m);
                if (o.name() != null) return o.name();
            }
        }
        for (int i = 0; i < op.argCount() && depth < 3; i++) {
            if (op.arg(i) instanceof Op o) return driver(o, depth + 1);
        }
        return op.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String strip(String name) { return name.startsWith("_zz_") ? name.substring(4) : name; }

    private String readAll(String name, int width) {
        bitsRead.computeIfAbsent(name, k -> new BitSet()).set(0, width);
        return name;
    }

    String readBits(String name, int hi, int lo) {
        bitsRead.computeIfAbsent(name, k -> new BitSet()).set(lo, hi + 1);
        return hi == lo ? name + "[" + hi + "]" : name + "[" + hi + ":" + lo + "]";
    }

    /** An operand in parentheses unless it is a name or literal. */
    private String operand(Node n) {
        String s = term(n);
        if (n instanceof Op op && !materialized.containsKey(op)) {
            OpKind k = op.kind();
            if (k != OpKind.SLICE && k != OpKind.CONCAT && k != OpKind.ZEXT && k != OpKind.SEXT && k != OpKind.MEM_READ) {
                return "(" + s + ")";
            }
        }
        return s;
    }

    /**
     * An SInt product's operands are sign-extended to the product's width. Written as an unsigned multiply, a
     * synthesiser sees a full-width product (Yosys: three DSP48s for 17 × 17 bits) because sign bits are not zeros;
     * written signed it drops the copies of the sign bit (one DSP48). The low bits are the same either way, and
     * {@code $unsigned(...)} keeps the signedness from leaking into the expression around it.
     */
    private static boolean signExtended(Node n) {
        return n instanceof Const || n instanceof Op op && op.kind() == OpKind.SEXT;
    }

    private String inline(Op op) {
        OpKind k = op.kind();
        return switch (k) {
            case MUL -> signExtended(op.arg(0)) && signExtended(op.arg(1))
                    ? "$unsigned($signed(" + term(op.arg(0)) + ") * $signed(" + term(op.arg(1)) + "))"
                    : operand(op.arg(0)) + " * " + operand(op.arg(1));
            case ADD, SUB, DIV_U, MOD_U, AND, OR, XOR, EQ, NE, LT_U, LE_U ->
                    operand(op.arg(0)) + " " + k.symbol + " " + operand(op.arg(1));
            case LT_S, LE_S -> "$signed(" + term(op.arg(0)) + ") " + k.symbol + " $signed(" + term(op.arg(1)) + ")";
            case NOT -> "~" + operand(op.arg(0));
            case NEG -> "-" + operand(op.arg(0));
            case SLL_CONST, SRL_CONST -> operand(op.arg(0)) + " " + k.symbol + " " + op.p0();
            case SRA_CONST -> "$signed(" + term(op.arg(0)) + ") >>> " + op.p0();
            case SLL, SRL -> operand(op.arg(0)) + " " + k.symbol + " " + operand(op.arg(1));
            case SRA -> "$signed(" + term(op.arg(0)) + ") >>> " + operand(op.arg(1));
            case SLICE -> readBits(named(op.arg(0)), op.p0(), op.p1());
            case CONCAT -> {
                StringBuilder sb = new StringBuilder("{");
                for (int i = 0; i < op.argCount(); i++) {
                    if (i > 0) sb.append(", ");
                    sb.append(term(op.arg(i)));
                }
                yield sb.append('}').toString();
            }
            case ZEXT -> "{" + Literals.of(java.math.BigInteger.ZERO, op.width() - op.arg(0).width()) + ", " + term(op.arg(0)) + "}";
            case SEXT -> {
                Node a = op.arg(0);
                String name = named(a);
                int extra = op.width() - a.width();
                String sign = a.width() == 1 ? name : readBits(name, a.width() - 1, a.width() - 1);  // a 1-bit wire has no [0]
                String all = readAll(name, a.width());
                yield extra == 1 ? "{" + sign + ", " + all + "}" : "{{" + extra + "{" + sign + "}}, " + all + "}";
            }
            case MUX -> operand(op.arg(0)) + " ? " + operand(op.arg(1)) + " : " + operand(op.arg(2));
            case REDUCE_OR, REDUCE_AND, REDUCE_XOR -> k.symbol + operand(op.arg(0));
            case MEM_READ -> memRef.apply(op.mem()) + "[" + term(op.arg(0)) + "]";
        };
    }
}
