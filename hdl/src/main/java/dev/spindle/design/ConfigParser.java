package dev.spindle.design;

import dev.spindle.hdl.FixFormat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one configuration parser: builds a configuration record from {@code key=value} settings (the CLI's
 * {@code --set}): the keys are the record's component names, values are parsed by the component's type (int, long,
 * double, boolean, enum, String, {@link Path}, {@link FixFormat} as {@code s6.10}, or any type with a public static
 * {@code parse(String)} whose {@code toString()} gives the text back); unset components keep the defaults. Errors
 * name the key. {@link #settings(Record)} turns a record back into settings that parse to an equal record, and
 * {@link #hash} makes a stable key of them.
 */
public final class ConfigParser {
    private ConfigParser() {}

    /** {@code defaults} may be null: every component must then be set. */
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
            if (text == null && defaults == null) {
                throw new IllegalArgumentException("missing key '" + rc.getName() + "' for " + type.getSimpleName()
                        + ": it has no defaults, so set every key (" + String.join(", ", byName.keySet()) + ")");
            }
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

    /**
     * The settings that rebuild {@code r} with {@link #parse} (every component, in declaration order): numbers and
     * strings as Java prints them, enums by name, formats as {@code s6.10}. A component of a type the parser cannot
     * read back (a function, a list) is an error naming it.
     */
    public static Map<String, String> settings(Record r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            if (!parsable(rc.getType())) {
                throw new IllegalArgumentException(r.getClass().getSimpleName() + "." + rc.getName() + " of type "
                        + rc.getType().getSimpleName() + " cannot be written as a setting");
            }
            Object v = valueOf(rc, r);
            out.put(rc.getName(), v instanceof Enum<?> e ? e.name() : String.valueOf(v));
        }
        return out;
    }

    /**
     * A stable hash of a design's name and configuration: the first 16 hex digits of the SHA-256 of
     * {@code "<name>\n"} followed by {@code "key=value\n"} for each of {@link #settings(Record)}. Equal
     * configurations give equal hashes across runs and machines; it does not cover the generator's own version.
     */
    public static String hash(String name, Record r) {
        StringBuilder text = new StringBuilder(name).append('\n');
        settings(r).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean parsable(Class<?> type) {
        return type.isPrimitive() && type != char.class && type != byte.class && type != short.class && type != float.class
                || type == Integer.class || type == Long.class || type == Double.class || type == Boolean.class
                || type == String.class || type == Path.class || type.isEnum() || parseMethod(type) != null;
    }

    /** A public static {@code T parse(String)} of {@code type}, or null. */
    private static Method parseMethod(Class<?> type) {
        try {
            Method m = type.getMethod("parse", String.class);
            return Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type ? m : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
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

    private static Object convert(String key, Class<?> type, String text) {
        if (type.isEnum()) return enumConstant(key, type, text);
        try {
            if (type == int.class || type == Integer.class) return Integer.parseInt(text);
            if (type == long.class || type == Long.class) return Long.parseLong(text);
            if (type == double.class || type == Double.class) return Double.parseDouble(text);
            if (type == boolean.class || type == Boolean.class) {
                if (!text.equals("true") && !text.equals("false")) throw new IllegalArgumentException();
                return Boolean.parseBoolean(text);
            }
            if (type == String.class) return text;
            if (type == Path.class) return Path.of(text);
            Method parse = parseMethod(type);
            if (parse != null) {
                try {
                    return parse.invoke(null, text);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof IllegalArgumentException iae) throw iae;
                    throw new IllegalArgumentException(String.valueOf(e.getCause()));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
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

    /** The constant named {@code text}, in any case; otherwise an error listing the allowed names. */
    private static Object enumConstant(String key, Class<?> type, String text) {
        List<String> names = new ArrayList<>();
        for (Object c : type.getEnumConstants()) {
            String name = ((Enum<?>) c).name();
            if (name.equalsIgnoreCase(text)) return c;
            names.add(name);
        }
        throw new IllegalArgumentException(key + " = " + text + " is not allowed: one of " + String.join(", ", names));
    }
}
