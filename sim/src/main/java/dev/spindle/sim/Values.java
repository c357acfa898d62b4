package dev.spindle.sim;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * Equality, hash and text of payload values by content: arrays element by element, records component by component
 * (a record holding a {@code long[]} is equal to another with the same numbers), everything else by {@code equals}.
 */
final class Values {
    private Values() {}

    static boolean equal(Object a, Object b) {
        if (a == b) return true;
        // The common payloads first: a scoreboard compares every beat.
        if (a instanceof long[] x) return b instanceof long[] y && Arrays.equals(x, y);
        if (a instanceof FragmentBeat<?> x) return x.equals(b);
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        if (a.getClass().isArray()) return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Record && !(a instanceof FragmentBeat<?>)) {
            for (Method m : ACCESSORS.get(a.getClass())) if (!equal(invoke(m, a), invoke(m, b))) return false;
            return true;
        }
        return a.equals(b);
    }

    static int hash(Object a) {
        if (a == null) return 0;
        if (a.getClass().isArray()) return Arrays.deepHashCode(new Object[] {a});
        return a.hashCode();
    }

    static String show(Object a) {
        if (a == null) return "null";
        if (a.getClass().isArray()) {
            String s = Arrays.deepToString(new Object[] {a});
            return s.substring(1, s.length() - 1);
        }
        if (a instanceof Record && !(a instanceof FragmentBeat<?>)) {
            StringBuilder sb = new StringBuilder(a.getClass().getSimpleName()).append('[');
            RecordComponent[] cs = a.getClass().getRecordComponents();
            for (int i = 0; i < cs.length; i++) sb.append(i == 0 ? "" : ", ").append(cs[i].getName()).append('=').append(show(get(cs[i], a)));
            return sb.append(']').toString();
        }
        return a.toString();
    }

    /** A record class's component accessors, looked up once per class (a scoreboard compares every beat). */
    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override protected Method[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            Method[] ms = new Method[cs.length];
            for (int i = 0; i < cs.length; i++) {
                ms[i] = cs[i].getAccessor();
                ms[i].setAccessible(true);
            }
            return ms;
        }
    };

    static Object get(RecordComponent c, Object record) {
        for (Method m : ACCESSORS.get(record.getClass())) if (m.getName().equals(c.getName())) return invoke(m, record);
        throw new IllegalArgumentException(c.getName() + " is not a component of " + record.getClass().getName());
    }

    static Object invoke(Method m, Object record) {
        try {
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + m.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
