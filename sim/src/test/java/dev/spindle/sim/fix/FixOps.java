package dev.spindle.sim.fix;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Rounding;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.UFix;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * Combinational fixed-point operations on two inputs, one output port each, with the FixMath model of every output:
 * resizes of {@code a} to each target in all rounding and overflow modes, the exact operations of {@code a} and
 * {@code b}, the product resized to the first target, and the six comparisons.
 */
final class FixOps extends Component {
    record Case(FixFormat a, FixFormat b, List<FixFormat> targets) {
        Case(String a, String b, String... targets) {
            this(FixFormat.parse(a), FixFormat.parse(b), List.of(targets).stream().map(FixFormat::parse).toList());
        }

        @Override public String toString() { return "a " + a + ", b " + b + ", targets " + targets; }
    }

    /** An output port and its model; {@code format} is null for a Bool (0 or 1). */
    record Probe(String label, BaseType port, FixFormat format, LongBinaryOperator model) {}

    static final class Io extends Bundle {
        final BaseType a;
        final BaseType b;

        Io(Case c) {
            a = in(type(c.a()));
            b = in(type(c.b()));
        }

        BaseType output(BaseType value) {
            BaseType o = out(Hdl.typeOf(value));
            o.assign(value);
            return o;
        }
    }

    final Io io;
    final List<Probe> probes = new ArrayList<>();

    FixOps(Case c) {
        io = new Io(c);
        FixFormat fa = c.a();
        FixFormat fb = c.b();
        for (FixFormat t : c.targets()) {
            for (Rounding r : Rounding.values()) {
                for (Overflow o : Overflow.values()) {
                    probe("resize a -> " + t + " " + r + " " + o, resize(io.a, t, r, o), t, (x, y) -> FixMath.resize(x, fa, t, r, o));
                }
            }
        }
        FixFormat pf = FixMath.mulFormat(fa, fb);
        BaseType product = call("mul", io.a, io.b);
        probe("a + b", call("add", io.a, io.b), FixMath.addFormat(fa, fb), (x, y) -> FixMath.add(x, fa, y, fb));
        probe("a - b", call("sub", io.a, io.b), FixMath.subFormat(fa, fb), (x, y) -> FixMath.sub(x, fa, y, fb));
        probe("a * b", product, pf, (x, y) -> FixMath.mul(x, fa, y, fb));
        probe("-a", call("neg", io.a), FixMath.negFormat(fa), (x, y) -> FixMath.neg(x, fa));
        FixFormat t0 = c.targets().getFirst();
        for (Rounding r : Rounding.values()) {
            for (Overflow o : Overflow.values()) {
                probe("a * b -> " + t0 + " " + r + " " + o, resize(product, t0, r, o), t0,
                        (x, y) -> FixMath.resize(FixMath.mul(x, fa, y, fb), pf, t0, r, o));
            }
        }
        for (String op : List.of("lt", "le", "gt", "ge", "eq", "ne")) {
            probe("a " + op + " b", call(op, io.a, io.b), null, (x, y) -> holds(op, FixMath.compare(x, fa, y, fb)) ? 1 : 0);
        }
    }

    private void probe(String label, BaseType value, FixFormat format, LongBinaryOperator model) {
        FixFormat got = value instanceof SFix s ? s.format() : value instanceof UFix u ? u.format() : null;
        if (format != null ? !format.equals(got) : !(value instanceof Bool)) {
            throw new AssertionError(label + " has type " + (got != null ? got : value.getClass().getSimpleName()) + ", expected " + format);
        }
        probes.add(new Probe(label, io.output(value), format, model));
    }

    static HardType<? extends BaseType> type(FixFormat f) { return f.signed() ? SFix.type(f) : UFix.type(f); }

    static BaseType resize(BaseType x, FixFormat to, Rounding r, Overflow o) {
        return switch (x) {
            case SFix s -> to.signed() ? s.resize(to, r, o) : s.toUFix(to, r, o);
            case UFix u -> to.signed() ? u.toSFix(to, r, o) : u.resize(to, r, o);
            default -> throw new IllegalArgumentException(x.getClass().getName());
        };
    }

    /**
     * Calls the public overload {@code a.name(args)} chosen by the run-time classes, so every SFix/UFix pairing is
     * used: the exact overload ({@code SFix.add(UFix)}), else the one shared by both types ({@code XFix.lt(XFix)}).
     */
    static BaseType call(String name, BaseType a, BaseType... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) types[i] = args[i].getClass();
        try {
            return (BaseType) overload(a.getClass(), name, types).invoke(a, (Object[]) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method overload(Class<?> c, String name, Class<?>[] types) throws NoSuchMethodException {
        try {
            return c.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            for (Method m : c.getMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == types.length && takes(m.getParameterTypes(), types)) return m;
            }
            throw e;
        }
    }

    private static boolean takes(Class<?>[] params, Class<?>[] types) {
        for (int i = 0; i < params.length; i++) if (!params[i].isAssignableFrom(types[i])) return false;
        return true;
    }

    static boolean holds(String op, int cmp) {
        return switch (op) {
            case "lt" -> cmp < 0;
            case "le" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "ge" -> cmp >= 0;
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            default -> throw new IllegalArgumentException(op);
        };
    }
}
