package dev.spindle.hdl;

import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;

/** A single bit. */
public final class Bool extends BaseType {
    Bool(Node node) {
        super(node);
        if (node.width() != 1) throw new IllegalArgumentException("a Bool is 1 bit, got " + node.width());
    }

    public static HardType<Bool> type() { return () -> new Bool(Elaboration.current().newSignal(1)); }

    public static Bool lit(boolean value) { return new Bool(Build.lit(value ? 1 : 0, 1)); }

    @Override Bool wrap(Node n) { return new Bool(n); }

    @Override String typeName() { return "Bool"; }

    public Bool and(Bool b) { return new Bool(op(OpKind.AND, 1, node(), b.node())); }

    public Bool or(Bool b) { return new Bool(op(OpKind.OR, 1, node(), b.node())); }

    public Bool xor(Bool b) { return new Bool(op(OpKind.XOR, 1, node(), b.node())); }

    public Bool not() { return new Bool(op(OpKind.NOT, 1, node())); }

    public Bool eq(Bool b) { return new Bool(op(OpKind.EQ, 1, node(), b.node())); }

    public Bool ne(Bool b) { return new Bool(op(OpKind.NE, 1, node(), b.node())); }

    /** {@code this ? whenTrue : whenFalse}. */
    public <T extends Data> T mux(T whenTrue, T whenFalse) { return Hdl.mux(this, whenTrue, whenFalse); }

    public void set(boolean value) { assign(lit(value)); }

    /** True for one cycle after this goes from 0 to 1 (registered in the current clock domain). */
    public Bool rise() { return this.and(Hdl.RegNext(this, lit(false)).not()); }

    /** True for one cycle after this goes from 1 to 0. */
    public Bool fall() { return this.not().and(Hdl.RegNext(this, lit(false))); }

    public UInt asUInt() { return new UInt(node()); }
}
