package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Vec;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bundle as a record: component {@code k} is the bundle field of the same name; fields the record does not name
 * are refused (a payload is read and written whole).
 */
final class RecordCodec<R extends Record> extends Codec<R> {
    private final Class<R> type;
    private final RecordComponent[] components;
    private final Constructor<R> constructor;
    private final java.lang.reflect.Method[] accessors;
    /** Per component: its codec, and the index of its first leaf within the payload. */
    private final Codec<?>[] codecs;
    private final int[] offsets;

    private RecordCodec(Class<R> type, int[] widths, Codec<?>[] codecs, int[] offsets) {
        super(type.getSimpleName(), widths);
        this.type = type;
        this.components = type.getRecordComponents();
        this.codecs = codecs;
        this.offsets = offsets;
        this.accessors = new java.lang.reflect.Method[components.length];
        for (int k = 0; k < components.length; k++) {
            accessors[k] = components[k].getAccessor();
            accessors[k].setAccessible(true);
        }
        try {
            constructor = type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
        }
    }

    static <R extends Record> RecordCodec<R> of(Bundle bundle, Class<R> type) {
        RecordComponent[] cs = type.getRecordComponents();
        List<String> fields = new ArrayList<>();
        List<Integer> firstLeaf = new ArrayList<>();
        int leaf = 0;
        for (int i = 0; i < bundle.elements().size(); i++) {
            fields.add(bundle.elementName(i));
            firstLeaf.add(leaf);
            leaf += bundle.elements().get(i).data().flatten().size();
        }
        if (cs.length != fields.size()) {
            throw new IllegalArgumentException(type.getSimpleName() + " has " + cs.length + " components but the "
                    + bundle.getClass().getSimpleName() + " has the fields " + fields + ": name one component per field");
        }
        Codec<?>[] codecs = new Codec<?>[cs.length];
        int[] offsets = new int[cs.length];
        for (int k = 0; k < cs.length; k++) {
            int i = fields.indexOf(cs[k].getName());
            if (i < 0) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + cs[k].getName() + " names no field of the "
                        + bundle.getClass().getSimpleName() + " (fields: " + fields + ")");
            }
            codecs[k] = forComponent(cs[k].getType(), bundle.elements().get(i).data(), type.getSimpleName() + "." + cs[k].getName());
            offsets[k] = firstLeaf.get(i);
        }
        return new RecordCodec<>(type, Codec.widthsOf(bundle), codecs, offsets);
    }

    /** The codec of one field, chosen by the component's Java type. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Codec<?> forComponent(Class<?> javaType, Data field, String where) {
        if (javaType.isRecord() && field instanceof Bundle b) return of(b, (Class) javaType);
        if ((javaType == double.class || javaType == Double.class) && field instanceof BaseType b) return Codec.real(b);
        if (javaType == double[].class && field instanceof Vec<?> v) return Codec.real(v);
        Codec<?> c = Codec.derive(field);
        return new Unboxing<>(c, javaType, where);
    }

    @Override void check(Object v, SimPort[] p, int at) {
        if (!type.isInstance(v)) throw wrongType(v, p, at);
        for (int k = 0; k < components.length; k++) codecs[k].check(Values.invoke(accessors[k], v), p, at + offsets[k]);
    }

    @Override @SuppressWarnings("unchecked")
    void write(R v, SimPort[] p, int at) {
        for (int k = 0; k < components.length; k++) ((Codec<Object>) codecs[k]).write(Values.invoke(accessors[k], v), p, at + offsets[k]);
    }

    @Override R read(SimPort[] p, int at) {
        Object[] args = new Object[components.length];
        for (int k = 0; k < components.length; k++) args[k] = codecs[k].read(p, at + offsets[k]);
        return build(args);
    }

    @Override public R random(java.util.Random r) {
        Object[] args = new Object[components.length];
        for (int k = 0; k < components.length; k++) args[k] = codecs[k].random(r);
        return build(args);
    }

    private R build(Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a " + type.getSimpleName() + " from " + Arrays.toString(args), e);
        }
    }

    /** A derived codec checked against a component's declared type (primitive components take the boxed values). */
    private static final class Unboxing<V> extends Codec<V> {
        private final Codec<V> inner;

        Unboxing(Codec<V> inner, Class<?> javaType, String where) {
            super(inner.type(), inner.widths());
            this.inner = inner;
            Class<?> boxed = box(javaType);
            String want = inner.type().replaceAll("\\[\\d+]$", "[]");
            String have = boxed.isArray() ? boxed.getComponentType().getSimpleName() + "[]" : boxed.getSimpleName();
            boolean list = inner.type().startsWith("List<") && List.class.isAssignableFrom(boxed);
            if (!list && !want.equals(have)) {
                throw new IllegalArgumentException(where + " is a " + javaType.getSimpleName() + " but its field needs a " + inner.type());
            }
        }

        private static Class<?> box(Class<?> t) {
            if (t == long.class) return Long.class;
            if (t == boolean.class) return Boolean.class;
            return t;
        }

        @Override void check(Object v, SimPort[] p, int at) { inner.check(v, p, at); }

        @Override void write(V v, SimPort[] p, int at) { inner.write(v, p, at); }

        @Override V read(SimPort[] p, int at) { return inner.read(p, at); }

        @Override public V random(java.util.Random r) { return inner.random(r); }
    }
}
