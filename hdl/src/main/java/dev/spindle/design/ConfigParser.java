package dev.spindle.design;

import dev.spindle.hdl.FixFormat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a configuration record from {@code key=value} settings (the CLI's {@code --set}): the keys are the
 * record's component names, values are parsed by the component's type (int, long, double, boolean, enum,
 * String, {@link FixFormat} as {@code s6.10}); unset components keep the defaults. Errors name the key.
 */
public final class ConfigParser {
    private ConfigParser() {}

    public static <R extends Record> R parse(Class<R> type, R defaults, Map<String, String> settings) {
        RecordComponent[] components = type.getRecordComponents();
        Map<String, RecordComponent> byName = new LinkedHashMap<>();
        for (RecordComponent rc : components) byName.put(rc.getName(), rc);
        for (String key : settings.keySet()) {
            if (!byName.containsKey(key)) {
                throw new IllegalArgumentException("unknown key '" + key + "' for " + type.getSimpleName() + ": allowed keys are " + String.join(", ", byName.keySet()));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            String text = settings.get(rc.getName());
            args[i] = text == null ? valueOf(rc, defaults) : convert(rc.getName(), rc.getType(), text);
        }
        try {
            Constructor<R> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }

    /** {@code key=value} pairs in order; a pair without '=' is an error naming it. */
    public static Map<String, String> settings(List<String> pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set '" + p + "' is malformed: expected key=value");
            out.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
        }
        return out;
    }

    /** The record's components and their values, for listings ({@code width=8, depth=16}). */
    public static List<String> describe(Record r) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : r.getClass().getRecordComponents()) out.add(rc.getName() + "=" + valueOf(rc, r));
        return out;
    }

    private static Object valueOf(RecordComponent rc, Record r) {
        try {
            var accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return accessor.invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String key, Class<?> type, String text) {
        try {
            if (type == int.class || type == Integer.class) return Integer.parseInt(text);
            if (type == long.class || type == Long.class) return Long.parseLong(text);
            if (type == double.class || type == Double.class) return Double.parseDouble(text);
            if (type == boolean.class || type == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException();
                return Boolean.parseBoolean(text);
            }
            if (type == String.class) return text;
            if (type == FixFormat.class) return FixFormat.parse(text);
            if (type.isEnum()) {
                try {
                    return Enum.valueOf((Class<Enum>) type, text.toUpperCase());
                } catch (IllegalArgumentException e) {
                    List<String> names = new ArrayList<>();
                    for (Object c : type.getEnumConstants()) names.add(((Enum<?>) c).name());
                    throw new IllegalArgumentException(key + " = " + text + " is not allowed: one of " + String.join(", ", names));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " = " + text + " is not a valid " + type.getSimpleName());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null) throw new IllegalArgumentException(key + ": " + e.getMessage());
            throw new IllegalArgumentException(key + " = " + text + " is not a valid " + type.getSimpleName());
        }
        throw new IllegalArgumentException(key + ": unsupported configuration type " + type.getSimpleName());
    }
}
