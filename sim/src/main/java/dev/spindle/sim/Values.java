package dev.spindle.sim;

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
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        if (a.getClass().isArray()) return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) return false;
            for (int i = 0; i < x.size(); i++) if (!equal(x.get(i), y.get(i))) return false;
            return true;
        }
        if (a instanceof Record) {
            for (RecordComponent c : a.getClass().getRecordComponents()) if (!equal(get(c, a), get(c, b))) return false;
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

    static Object get(RecordComponent c, Object record) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getName(), e);
        }
    }
}
