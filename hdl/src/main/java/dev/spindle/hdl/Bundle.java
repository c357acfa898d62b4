package dev.spindle.hdl;

import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.SourceLoc;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A group of named hardware values. Fields are declared with {@link #in}, {@link #out}, {@link #master},
 * {@link #slave} (directions, meaningful for a component's {@code io}) or {@link #field} (no direction).
 * Their names come from the Java field names; a bundle named {@code io} flattens to {@code io_<field>}.
 */
public abstract class Bundle extends Data {
    /** Direction of an element relative to the bundle: MASTER keeps inner directions, SLAVE flips them. */
    public enum Dir { IN, OUT, MASTER, SLAVE, NONE }

    public record Element(Data data, Dir dir) {}

    private final List<Element> elements = new ArrayList<>();

    protected Bundle() {
        if (Elaboration.active()) Elaboration.current().bundleCreated(this);
    }

    private <T extends Data> T add(T data, Dir dir) {
        elements.add(new Element(data, dir));
        return data;
    }

    protected final <T extends Data> T in(HardType<T> type) { return add(type.create(), Dir.IN); }

    protected final <T extends Data> T in(T data) { return add(data, Dir.IN); }

    protected final <T extends Data> T out(HardType<T> type) { return add(type.create(), Dir.OUT); }

    protected final <T extends Data> T out(T data) { return add(data, Dir.OUT); }

    protected final <T extends Data> T master(T data) { return add(data, Dir.MASTER); }

    protected final <T extends Data> T slave(T data) { return add(data, Dir.SLAVE); }

    protected final <T extends Data> T field(HardType<T> type) { return add(type.create(), Dir.NONE); }

    protected final <T extends Data> T field(T data) { return add(data, Dir.NONE); }

    public final List<Element> elements() { return Collections.unmodifiableList(elements); }

    /** The name of element i: its Java field name, or its index when no field holds it. */
    public String elementName(int i) {
        String n = Naming.fieldNameOf(this, elements.get(i).data());
        return n != null ? n : String.valueOf(i);
    }

    @Override
    public final List<BaseType> flatten() {
        List<BaseType> out = new ArrayList<>();
        for (Element e : elements) out.addAll(e.data().flatten());
        return out;
    }

    @Override
    @SuppressWarnings("unchecked")
    public final <T extends Data> T named(String name) {
        Naming.nameData(this, name, null, true);
        return (T) this;
    }

    /** Assigns field by field; both sides must be bundles of the same shape. */
    @Override
    public void assign(Data value) {
        if (!(value instanceof Bundle b) || b.getClass() != getClass() || b.elements.size() != elements.size()) {
            throw new HdlError(HdlError.Kind.TYPE_MISMATCH, "(" + getClass().getSimpleName() + " <- "
                    + value.getClass().getSimpleName() + "): bundles must have the same type", Sites.loc());
        }
        for (int i = 0; i < elements.size(); i++) elements.get(i).data().assign(b.elements.get(i).data());
    }

    /**
     * A fresh bundle of the same type. The default calls a no-argument constructor; a bundle with parameters
     * overrides this (e.g. {@code return new Stream<>(payloadType)}).
     */
    public Bundle cloneType() {
        try {
            Constructor<? extends Bundle> c = getClass().getDeclaredConstructor();
            c.setAccessible(true);
            return c.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(getClass().getName() + " has constructor parameters: override cloneType()", e);
        }
    }
}
