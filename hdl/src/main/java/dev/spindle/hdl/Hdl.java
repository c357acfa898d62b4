package dev.spindle.hdl;

import dev.spindle.hdl.ir.Const;
import dev.spindle.hdl.ir.Node;
import dev.spindle.hdl.ir.OpKind;
import dev.spindle.hdl.ir.SourceLoc;
import dev.spindle.hdl.ir.Switch;
import dev.spindle.hdl.ir.When;

import java.util.List;
import java.util.function.Supplier;

/**
 * The HDL vocabulary, SpinalHDL's spelled the Java way: {@code Reg}, {@code RegInit}, {@code RegNext},
 * {@code when(...)}, {@code switchOn(...)}, {@code mux}, {@code cat}. {@link Component} extends this class so a
 * component body uses them unqualified; elsewhere {@code import static dev.spindle.hdl.Hdl.*}.
 */
public abstract class Hdl {
    protected Hdl() {}

    /** Creates a sub-component of the component under construction: {@code fifo = child(() -> new Fifo(cfg))}. */
    public static <T extends Component> T child(Supplier<T> build) { return Elaboration.current().child(build); }

    /**
     * A named scope, SpinalHDL's {@code Area}: what {@code body} builds and holds in local variables is named
     * {@code <name>_<local>} ({@code exp_sum}); areas nest ({@code exp_lane_sum}). Returns what {@code body} returns.
     */
    public static <T> T area(String name, Supplier<T> body) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("area name \"" + name + "\" is not an identifier: use letters, digits and _");
        }
        return Elaboration.current().inArea(name, body);
    }

    /** {@link #area(String, Supplier)} for a body that returns nothing. */
    public static void area(String name, Runnable body) {
        area(name, () -> {
            body.run();
            return null;
        });
    }

    /** A combinational signal of the given type. */
    public static <T extends Data> T Wire(HardType<T> type) { return type.create(); }

    /** A wire driven by {@code value}: gives an expression a name ({@code Wire(x).named("sum")}). */
    public static <T extends Data> T Wire(T value) {
        T w = typeOf(value).create();
        w.assign(value);
        return w;
    }

    /** A register of the given type in the current clock domain, without reset value. */
    public static <T extends Data> T Reg(HardType<T> type) {
        T r = type.create();
        Elaboration e = Elaboration.current();
        for (BaseType leaf : r.flatten()) leaf.signal("Reg").makeRegister(e.domain());
        return r;
    }

    /** A register reset to {@code init} (a literal of the register's type). */
    public static <T extends Data> T RegInit(T init) {
        T r = Reg(typeOf(init));
        List<BaseType> regs = r.flatten();
        List<BaseType> inits = init.flatten();
        for (int i = 0; i < regs.size(); i++) {
            if (!(inits.get(i).node() instanceof Const c)) {
                throw new dev.spindle.hdl.ir.HdlError(dev.spindle.hdl.ir.HdlError.Kind.INVALID,
                        "RegInit needs a literal reset value, got " + inits.get(i).typeName(), Sites.loc());
            }
            regs.get(i).signal("RegInit").setInit(c);
        }
        return r;
    }

    /** A register of the given type reset to {@code init}. */
    public static <T extends Data> T RegInit(HardType<T> type, T init) {
        T r = RegInit(init);
        if (r.totalWidth() != type.create().totalWidth()) throw new IllegalArgumentException("RegInit: type and init differ in width");
        return r;
    }

    /** {@code value} delayed by one clock. */
    public static <T extends Data> T RegNext(T value) {
        T r = Reg(typeOf(value));
        r.assign(value);
        return r;
    }

    /** {@code value} delayed by one clock, with a reset value. */
    public static <T extends Data> T RegNext(T value, T init) {
        T r = RegInit(init);
        r.assign(value);
        return r;
    }

    /** A register that loads {@code value} when {@code cond} holds. */
    public static <T extends Data> T RegNextWhen(T value, Bool cond) {
        T r = Reg(typeOf(value));
        when(cond, () -> r.assign(value));
        return r;
    }

    /** A register that loads {@code value} when {@code cond} holds, with a reset value. */
    public static <T extends Data> T RegNextWhen(T value, Bool cond, T init) {
        T r = RegInit(init);
        when(cond, () -> r.assign(value));
        return r;
    }

    /** {@code if (cond) body}; chain {@code .elseWhen(...)} and {@code .otherwise(...)}. */
    public static Conditional when(Bool cond, Runnable body) {
        Elaboration e = Elaboration.current();
        When w = new When(cond.node(), Sites.loc());
        e.addStmt(w);
        e.inBlock(w.then(), body);
        return new Conditional(e, w);
    }

    /** {@code case (selector)}; chain {@code .is(value, body)} and {@code .dflt(body)}. */
    public static SwitchBuilder switchOn(BaseType selector) {
        Elaboration e = Elaboration.current();
        Switch s = new Switch(selector.node(), Sites.loc());
        e.addStmt(s);
        return new SwitchBuilder(e, s, selector instanceof SInt || selector instanceof SFix);
    }

    /** {@code cond ? whenTrue : whenFalse}, field by field for bundles. Both sides must have the same type. */
    @SuppressWarnings("unchecked")
    public static <T extends Data> T mux(Bool cond, T whenTrue, T whenFalse) {
        if (whenTrue instanceof BaseType t && whenFalse instanceof BaseType f) {
            if (t.getClass() != f.getClass()) throw Checks.typeMismatch(t, f);
            t.checkSameFormat(f);
            if (t.width() != f.width()) throw Checks.operandWidth("mux", t, f);
            return (T) t.wrap(Build.op(OpKind.MUX, t.width(), cond.node(), t.node(), f.node()));
        }
        T out = Wire(typeOf(whenTrue));
        when(cond, () -> out.assign(whenTrue)).otherwise(() -> out.assign(whenFalse));
        return out;
    }

    /** Concatenation, the first argument in the most significant position. */
    public static Bits cat(BaseType... parts) {
        if (parts.length == 1) return new Bits(parts[0].node());
        Node[] nodes = new Node[parts.length];
        int w = 0;
        for (int i = 0; i < parts.length; i++) {
            nodes[i] = parts[i].node();
            w += nodes[i].width();
        }
        return new Bits(Build.op(OpKind.CONCAT, w, nodes));
    }

    public static Bool True() { return Bool.lit(true); }

    public static Bool False() { return Bool.lit(false); }

    /** {@code ceil(log2 n)} for {@code n >= 1}: the levels of a binary tree over n inputs (0 for one input). */
    public static int ceilLog2(long n) {
        if (n < 1) throw new IllegalArgumentException("ceilLog2(" + n + "): n must be at least 1");
        return 64 - Long.numberOfLeadingZeros(n - 1);
    }

    /** Bits needed to count 0..n-1: {@code ceilLog2(n)}, at least 1 (a counter or an index has one bit or more). */
    public static int log2Up(long n) { return Math.max(1, ceilLog2(Math.max(1, n))); }

    /** A hardware type that makes more of what {@code value} is (same class, width and format). */
    @SuppressWarnings("unchecked")
    public static <T extends Data> HardType<T> typeOf(T value) {
        if (value instanceof BaseType b) {
            return () -> (T) b.wrap(Elaboration.current().newSignal(b.width()));
        }
        if (value instanceof Bundle bundle) return () -> (T) bundle.cloneType();
        throw new IllegalArgumentException("cannot take the type of " + value.getClass());
    }

    /** The clock domain registers created now belong to. */
    public static ClockDomain clockDomain() { return new ClockDomain(Elaboration.current().domain()); }
}
