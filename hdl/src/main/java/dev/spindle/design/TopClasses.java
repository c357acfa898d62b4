package dev.spindle.design;

import dev.spindle.hdl.ConfiguredComponent;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link Design} entry for a user's own top class, found by name ({@code spindle generate --class com.example.MyTop}):
 * <ul>
 * <li>a public static {@code Design} field of the class, if it declares one, is used as it is;</li>
 * <li>otherwise the class must extend {@link ConfiguredComponent} and have a public constructor taking its
 *     configuration record; the record's public no-argument constructor, if any, gives the defaults, and without one
 *     every key must be set.</li>
 * </ul>
 * The design is named after the class, in lower case with '-' between words ({@code MyTop} is {@code my-top}).
 */
public final class TopClasses {
    private TopClasses() {}

    public static Design<?, ?> design(Class<?> top) {
        List<Design<?, ?>> declared = new ArrayList<>();
        for (Field f : top.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Design.class) {
                try {
                    declared.add((Design<?, ?>) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (declared.size() == 1) return declared.getFirst();
        if (declared.size() > 1) throw new IllegalArgumentException(top.getName() + " declares " + declared.size() + " Design fields: keep one");
        if (!ConfiguredComponent.class.isAssignableFrom(top)) {
            throw new IllegalArgumentException(top.getName() + " is not a component built from a configuration: it must extend "
                    + "ConfiguredComponent<C> (with a public constructor taking C) or declare a public static Design field");
        }
        Constructor<?> constructor = null;
        for (Constructor<?> c : top.getConstructors()) {
            if (c.getParameterCount() == 1 && c.getParameterTypes()[0].isRecord()) constructor = c;
        }
        if (constructor == null) {
            throw new IllegalArgumentException(top.getName() + " has no public constructor taking its configuration record");
        }
        return entry(top, constructor.getParameterTypes()[0].asSubclass(Record.class));
    }

    /**
     * The registry's second generic place: {@code top}'s public constructor takes a {@code C} (checked above) and the
     * class extends {@code ConfiguredComponent}, so it builds a {@code T extends ConfiguredComponent<C>} from a {@code C}.
     */
    @SuppressWarnings("unchecked")
    private static <C extends Record, T extends ConfiguredComponent<C>> Design<C, T> entry(Class<?> top, Class<C> configType) {
        Class<T> topType = (Class<T>) top;
        Constructor<T> constructor;
        try {
            constructor = topType.getConstructor(configType);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
        return new Design<>(name(top.getSimpleName()), "user component " + top.getName(), configType, defaults(configType), c -> {
            try {
                return constructor.newInstance(c);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + top.getName(), e);
            }
        });
    }

    /** The record's public no-argument constructor's value, or null (every key must then be set). */
    private static <C extends Record> C defaults(Class<C> configType) {
        try {
            return configType.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            return null;
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(configType.getSimpleName() + "(): " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code MyTop} -> {@code my-top}, {@code FFT2D} -> {@code fft2d}. */
    static String name(String simpleName) {
        String kebab = simpleName.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return Character.isLetter(kebab.charAt(0)) ? kebab : "top-" + kebab;
    }
}
