package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.MemNode;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.OpKind;

import java.math.BigInteger;

/** Node construction for the front end: operators in the current component, with constant folding of extensions. */
final class Build {
    private Build() {}

    /** An operator, or its value when {@link Fold} can tell it at construction. */
    static Node op(OpKind kind, int width, Node... args) { return op(kind, width, 0, 0, args); }

    static Node op(OpKind kind, int width, int p0, int p1, Node... args) {
        Node folded = Fold.fold(kind, width, p0, p1, args);
        if (folded != null) return folded;
        return named(new Op(kind, width, Elaboration.current().component(), p0, p1, null, args));
    }

    static Op memRead(MemNode mem, Node address) {
        return named(new Op(OpKind.MEM_READ, mem.width(), Elaboration.current().component(), 0, 0, mem, address));
    }

    /**
     * Gives an operator the name of the local variable its result goes to. One call can make several operators (an
     * extension of an operand, then the sum): only the last, the call's result, keeps the name, so an extension or
     * slice operand that carries the same name gives it up. Finding the local costs a stack walk per operator, so it
     * is done only in components whose class holds some call's result in a local (not in the elaboration benchmark).
     */
    private static Op named(Op op) {
        if (!Elaboration.current().namesOperators()) return op;
        Sites.Site site = Sites.name();
        String name = site.name();
        if (name == null) return op;
        for (int i = 0; i < op.argCount(); i++) {
            if (op.arg(i) instanceof Op a && name.equals(a.name())
                    && (a.kind() == OpKind.ZEXT || a.kind() == OpKind.SEXT || a.kind() == OpKind.SLICE)) {
                a.setName(null, NameSource.NONE);
            }
        }
        op.setName(name, site.source());
        op.owner().namedOps().add(op);
        return op;
    }

    static Const lit(BigInteger value, int width) { return new Const(value, width); }

    static Const lit(long value, int width) { return new Const(BigInteger.valueOf(value), width); }

    /** Zero-extends (or returns) {@code n} to {@code width} bits. */
    static Node zext(Node n, int width) {
        if (n.width() == width) return n;
        if (n.width() > width) throw new IllegalArgumentException("cannot extend " + n.width() + " bits to " + width);
        if (n instanceof Const c) return lit(c.value(), width);
        return op(OpKind.ZEXT, width, n);
    }

    /** Sign-extends (or returns) {@code n} to {@code width} bits. */
    static Node sext(Node n, int width) {
        if (n.width() == width) return n;
        if (n.width() > width) throw new IllegalArgumentException("cannot extend " + n.width() + " bits to " + width);
        if (n instanceof Const c) {
            BigInteger v = c.value();
            if (v.testBit(n.width() - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(n.width()));
            return lit(v, width);
        }
        return op(OpKind.SEXT, width, n);
    }

    /** Bits [hi:lo]; the whole node when that is all of it. */
    static Node slice(Node n, int hi, int lo) {
        if (lo < 0 || hi >= n.width() || hi < lo) {
            throw new IndexOutOfBoundsException("bit range [" + hi + ":" + lo + "] is outside [" + (n.width() - 1) + ":0]");
        }
        if (lo == 0 && hi == n.width() - 1) return n;
        if (n instanceof Const c) {
            return lit(c.value().shiftRight(lo).and(BigInteger.ONE.shiftLeft(hi - lo + 1).subtract(BigInteger.ONE)), hi - lo + 1);
        }
        return op(OpKind.SLICE, hi - lo + 1, hi, lo, n);
    }

    static Node resizeUnsigned(Node n, int width) {
        return n.width() >= width ? slice(n, width - 1, 0) : zext(n, width);
    }

    static Node resizeSigned(Node n, int width) {
        return n.width() >= width ? slice(n, width - 1, 0) : sext(n, width);
    }
}
