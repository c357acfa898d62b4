package dev.spindle.hdl;

import dev.spindle.hdl.ir.Assign;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.Op;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Signal;
import dev.spindle.hdl.ir.SourceLoc;

import java.util.List;

/**
 * A single hardware value: a declared signal (assignable) or the result of an operator (read-only).
 * Subclasses are immutable wrappers around a netlist {@link Node}.
 */
public abstract class BaseType extends Data {
    private final Node node;

    BaseType(Node node) { this.node = node; }

    public final Node node() { return node; }

    public final int width() { return node.width(); }

    /** The same type wrapped around another node of the right width. */
    abstract BaseType wrap(Node n);

    /** What the type is called in messages ("UInt[8]", "s6.10"). */
    abstract String typeName();

    @Override public final List<BaseType> flatten() { return List.of(this); }

    @Override public final Bits asBits() { return new Bits(node); }

    @Override
    @SuppressWarnings("unchecked")
    public final <T extends Data> T named(String name) {
        Signal s = signal("named");
        s.setName(name, NameSource.EXPLICIT);
        return (T) this;
    }

    /** The signal behind this value; operators have none. */
    Signal signal(String why) {
        if (node instanceof Signal s) return s;
        throw new HdlError(HdlError.Kind.INVALID, why + " needs a signal, but this " + typeName()
                + " is the result of an expression: declare a Wire and assign it", Sites.loc());
    }

    /** True when this value is a declared signal (a port, wire or register) rather than an expression. */
    public final boolean isSignal() { return node instanceof Signal; }

    @Override
    public void assign(Data value) {
        if (!(value instanceof BaseType v) || v.getClass() != getClass()) {
            throw Checks.typeMismatch(this, value);
        }
        checkSameFormat(v);
        assignNode(v.node);
    }

    /** Format check hook for fixed-point types. */
    void checkSameFormat(BaseType value) {}

    /** Records {@code this = value} in the current conditional block. */
    final void assignNode(Node value) {
        Signal target;
        int hi;
        int lo;
        if (node instanceof Signal s) {
            target = s;
            hi = s.width() - 1;
            lo = 0;
        } else if (node instanceof Op op && op.kind() == OpKind.SLICE && op.arg(0) instanceof Signal s) {
            target = s;
            hi = op.p0();
            lo = op.p1();
        } else {
            throw new HdlError(HdlError.Kind.INVALID,
                    "cannot assign to an expression (" + typeName() + "): declare a Wire and assign that", Sites.loc());
        }
        if (value.width() != hi - lo + 1) throw Checks.widthMismatch(this, hi - lo + 1, value.width());
        Elaboration e = Elaboration.current();
        Assign a = new Assign(target, hi, lo, value, Sites.loc(), e.component());
        target.drivers().add(a);
        e.addStmt(a);
    }

    static Node op(OpKind kind, int width, Node... args) { return Build.op(kind, width, args); }
}
