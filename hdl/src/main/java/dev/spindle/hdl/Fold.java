package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;

import java.math.BigInteger;

/**
 * Constant folding at construction: an operator of literals is a literal, a multiplexer with a literal condition
 * is the chosen side, and a comparison that the range of its operand decides ({@code x >= 0} on a UInt) is a
 * literal, and so is an operator that one literal operand decides ({@code 0 * x}). The emitted Verilog therefore never holds constant-only logic, which Verilator flags (UNSIGNED,
 * CMPCONST) and Icarus never evaluates inside {@code always @(*)}. The rules are the documented semantics of the
 * operators, division and modulo by zero included (both give 0).
 */
final class Fold {
    private Fold() {}

    /** The folded node, or null when the operator must stay. */
    static Node fold(OpKind kind, int width, int p0, int p1, Node[] args) {
        if (kind == OpKind.MUX && args[0] instanceof Const c) return c.value().signum() != 0 ? args[1] : args[2];
        if (kind == OpKind.MEM_READ) return null;
        boolean allConst = true;
        for (Node a : args) allConst &= a instanceof Const;
        if (allConst) return new Const(eval(kind, width, p0, p1, args), width);
        Node decided = decidedByOneOperand(kind, width, args);
        if (decided != null) return decided;
        return switch (kind) {
            case LT_U, LE_U, LT_S, LE_S -> rangeDecided(kind, args[0], args[1]);
            default -> null;
        };
    }

    /**
     * An operator whose value one literal operand, or the same node on both sides, decides: {@code 0 * x}, {@code
     * x & 0}, {@code x | ~0}, {@code 0 / x}, {@code 0 % x}, {@code x % 1}, both by 0 (0 by definition), shifts of 0 (and an
     * arithmetic shift of ~0), {@code x - x}, {@code x ^ x}, {@code x == x} and the other comparisons of a node with
     * itself, and a multiplexer whose two sides are the same. Verilator folds these too, so a comparison of such a
     * value that stayed an operator here would be "constant due to unsigned arithmetic" there.
     */
    private static Node decidedByOneOperand(OpKind kind, int width, Node[] args) {
        boolean same = args.length == 2 && args[0] == args[1];
        return switch (kind) {
            case MUL, AND -> is(args[0], BigInteger.ZERO) || is(args[1], BigInteger.ZERO) ? literal(BigInteger.ZERO, width) : null;
            case OR -> isOnes(args[0]) || isOnes(args[1]) ? literal(mask(width), width) : null;
            case DIV_U -> is(args[0], BigInteger.ZERO) || is(args[1], BigInteger.ZERO) ? literal(BigInteger.ZERO, width) : null;
            case MOD_U -> is(args[0], BigInteger.ZERO) || is(args[1], BigInteger.ZERO) || is(args[1], BigInteger.ONE)
                    ? literal(BigInteger.ZERO, width) : null;
            case SLL, SRL -> is(args[0], BigInteger.ZERO) ? literal(BigInteger.ZERO, width) : null;
            case SRA -> is(args[0], BigInteger.ZERO) || isOnes(args[0]) ? literal(v(args[0]), width) : null;
            case SUB, XOR -> same ? literal(BigInteger.ZERO, width) : null;
            case EQ, LE_U, LE_S -> same ? bool(true) : null;
            case NE, LT_U, LT_S -> same ? bool(false) : null;
            case MUX -> args[1] == args[2] || args[1] instanceof Const a && args[2] instanceof Const b && a.value().equals(b.value()) ? args[1] : null;
            default -> null;
        };
    }

    private static boolean isOnes(Node n) { return n instanceof Const c && c.value().equals(mask(n.width())); }

    private static Const literal(BigInteger value, int width) { return new Const(value, width); }

    /** {@code a < b} or {@code a <= b} decided by a literal operand at an end of the range. */
    private static Node rangeDecided(OpKind kind, Node a, Node b) {
        int w = a.width();
        boolean signed = kind == OpKind.LT_S || kind == OpKind.LE_S;
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(w - 1) : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE) : mask(w);
        boolean le = kind == OpKind.LE_U || kind == OpKind.LE_S;
        if (le && (is(a, min) || is(b, max))) return bool(true);    // min <= x, x <= max
        if (!le && (is(b, min) || is(a, max))) return bool(false);  // x < min, max < x
        return null;
    }

    private static boolean is(Node n, BigInteger v) { return n instanceof Const c && c.value().equals(v); }

    private static Const bool(boolean b) { return new Const(b ? BigInteger.ONE : BigInteger.ZERO, 1); }

    static BigInteger mask(int w) { return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE); }

    private static BigInteger signed(BigInteger v, int w) { return v.testBit(w - 1) ? v.subtract(BigInteger.ONE.shiftLeft(w)) : v; }

    private static BigInteger v(Node n) { return ((Const) n).value(); }

    private static BigInteger eval(OpKind kind, int width, int p0, int p1, Node[] args) {
        BigInteger m = mask(width);
        int aw = args.length > 0 ? args[0].width() : 0;
        return switch (kind) {
            case ADD -> v(args[0]).add(v(args[1])).and(m);
            case SUB -> v(args[0]).subtract(v(args[1])).and(m);
            case MUL -> v(args[0]).multiply(v(args[1])).and(m);
            case DIV_U -> v(args[1]).signum() == 0 ? BigInteger.ZERO : v(args[0]).divide(v(args[1]));
            case MOD_U -> v(args[1]).signum() == 0 ? BigInteger.ZERO : v(args[0]).mod(v(args[1]));
            case AND -> v(args[0]).and(v(args[1]));
            case OR -> v(args[0]).or(v(args[1]));
            case XOR -> v(args[0]).xor(v(args[1]));
            case NOT -> v(args[0]).xor(m);
            case NEG -> v(args[0]).negate().and(m);
            case EQ -> bit(v(args[0]).equals(v(args[1])));
            case NE -> bit(!v(args[0]).equals(v(args[1])));
            case LT_U -> bit(v(args[0]).compareTo(v(args[1])) < 0);
            case LE_U -> bit(v(args[0]).compareTo(v(args[1])) <= 0);
            case LT_S -> bit(signed(v(args[0]), aw).compareTo(signed(v(args[1]), aw)) < 0);
            case LE_S -> bit(signed(v(args[0]), aw).compareTo(signed(v(args[1]), aw)) <= 0);
            case SLL_CONST -> v(args[0]).shiftLeft(p0).and(m);
            case SRL_CONST -> v(args[0]).shiftRight(p0);
            case SRA_CONST -> signed(v(args[0]), aw).shiftRight(p0).and(m);
            case SLL -> v(args[0]).shiftLeft(amount(args[1], width)).and(m);
            case SRL -> v(args[0]).shiftRight(amount(args[1], width));
            case SRA -> signed(v(args[0]), aw).shiftRight(amount(args[1], width)).and(m);
            case SLICE -> v(args[0]).shiftRight(p1).and(mask(p0 - p1 + 1));
            case CONCAT -> {
                BigInteger r = BigInteger.ZERO;
                for (Node a : args) r = r.shiftLeft(a.width()).or(v(a));
                yield r;
            }
            case ZEXT -> v(args[0]);
            case SEXT -> signed(v(args[0]), aw).and(m);
            case MUX -> v(args[0]).signum() != 0 ? v(args[1]) : v(args[2]);
            case REDUCE_OR -> bit(v(args[0]).signum() != 0);
            case REDUCE_AND -> bit(v(args[0]).equals(mask(aw)));
            case REDUCE_XOR -> bit(v(args[0]).bitCount() % 2 == 1);
            case MEM_READ -> throw new IllegalStateException("a memory read is not a constant");
        };
    }

    /** A shift amount, capped at the width (every larger amount shifts everything out). */
    private static int amount(Node n, int width) { return v(n).min(BigInteger.valueOf(width)).intValue(); }

    private static BigInteger bit(boolean b) { return b ? BigInteger.ONE : BigInteger.ZERO; }
}
