package dev.spindle.hdl;

import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.HdlError;
import dev.spindle.hdl.ir.NameSource;
import dev.spindle.hdl.ir.Signal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names hardware after the Java fields that hold it (Java keeps no local-variable names at run time), and turns
 * the {@code io} bundle of a finished component into its ports.
 */
final class Naming {
    private Naming() {}

    /** Instance fields of a class and its superclasses up to (not including) {@code stop}, superclass first. */
    private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

    private static List<Field> fields(Class<?> type, Class<?> stop) {
        return FIELDS.computeIfAbsent(type, t -> {
            List<Class<?>> chain = new ArrayList<>();
            for (Class<?> c = t; c != null && c != stop && c != Object.class; c = c.getSuperclass()) chain.addFirst(c);
            List<Field> out = new ArrayList<>();
            for (Class<?> c : chain) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                    if (f.getType().isPrimitive()) continue;
                    f.setAccessible(true);
                    out.add(f);
                }
            }
            return out;
        });
    }

    private static Object get(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name of the field of {@code bundle} that holds {@code data}, or null. */
    static String fieldNameOf(Bundle bundle, Data data) {
        for (Field f : fields(bundle.getClass(), Bundle.class)) {
            if (get(f, bundle) == data) return f.getName();
        }
        return null;
    }

    /**
     * Called when a component's constructor has returned: ports from {@code io}, names from fields, then the leaves
     * of bundles held in local variables get the bundle's path ({@code s} becomes {@code s_valid}, {@code s_payload}).
     */
    static void nameComponent(Component c, List<Bundle> bundles) {
        resolveIo(c);
        nameFields(c);
        nameLocalBundles(bundles);
    }

    /** Bundles not inside another: their leaves, all named after the local at creation, get their paths. */
    private static void nameLocalBundles(List<Bundle> bundles) {
        if (bundles.isEmpty()) return;
        java.util.Set<Bundle> inner = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Bundle b : bundles) for (Bundle.Element e : b.elements()) if (e.data() instanceof Bundle x) inner.add(x);
        for (Bundle b : bundles) {
            if (inner.contains(b)) continue;
            List<BaseType> leaves = b.flatten();
            if (leaves.isEmpty() || !(leaves.getFirst().node() instanceof Signal first)) continue;
            NameSource src = first.nameSource();
            if (src != NameSource.LOCAL && src != NameSource.AREA && src != NameSource.LIBRARY_LOCAL && src != NameSource.INPUT) continue;
            appendPaths(b, first.name(), "");
        }
    }

    private static void appendPaths(Data d, String local, String path) {
        if (d instanceof BaseType b) {
            if (b.node() instanceof Signal s && local.equals(s.name())) s.renameLocal(local + path);
        } else if (d instanceof Bundle bundle) {
            List<Bundle.Element> elements = bundle.elements();
            for (int i = 0; i < elements.size(); i++) appendPaths(elements.get(i).data(), local, path + "_" + bundle.elementName(i));
        }
    }

    /** Names signals, memories and children held in the component's fields (best-effort: null fields are skipped). */
    static void nameFields(Component c) {
        ComponentNode owner = c.node();
        for (Field f : fields(c.getClass(), Component.class)) {
            Object v = get(f, c);
            if (v != null) nameObject(v, f.getName(), owner);
        }
    }

    private static void nameObject(Object v, String name, ComponentNode owner) { nameObject(v, name, owner, 0); }

    private static void nameObject(Object v, String name, ComponentNode owner, int depth) {
        if (depth > 6) return;
        switch (v) {
            case Data d -> nameData(d, name, owner, false);
            case Mem<?> m -> { if (m.node().owner() == owner) m.node().setName(name, NameSource.FIELD); }
            case Record r -> {
                Object[] values = recordValues(r);
                String[] names = RECORDS.get(r.getClass()).names;
                for (int i = 0; i < values.length; i++) if (values[i] != null) nameObject(values[i], name + "_" + names[i], owner, depth + 1);
            }
            case Component child -> {
                if (child.node().parent() == owner && child.node().instanceName() == null) child.node().setInstanceName(name);
            }
            case Object[] array -> {
                for (int i = 0; i < array.length; i++) if (array[i] != null) nameObject(array[i], name + "_" + i, owner, depth + 1);
            }
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) if (list.get(i) != null) nameObject(list.get(i), name + "_" + i, owner, depth + 1);
            }
            default -> { }
        }
    }

    /** The components of a record class: names and accessors (made accessible once). */
    private record RecordShape(String[] names, java.lang.reflect.Method[] accessors) {}

    private static final ClassValue<RecordShape> RECORDS = new ClassValue<>() {
        @Override protected RecordShape computeValue(Class<?> type) {
            java.lang.reflect.RecordComponent[] rc = type.getRecordComponents();
            String[] names = new String[rc.length];
            java.lang.reflect.Method[] accessors = new java.lang.reflect.Method[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                accessors[i] = rc[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return new RecordShape(names, accessors);
        }
    };

    private static Object[] recordValues(Record r) {
        java.lang.reflect.Method[] acc = RECORDS.get(r.getClass()).accessors;
        Object[] out = new Object[acc.length];
        for (int i = 0; i < acc.length; i++) {
            if (acc[i].getReturnType().isPrimitive()) continue;
            try {
                out[i] = acc[i].invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** Names the leaves of {@code d} with {@code name} as prefix; only those owned by {@code owner} unless null. */
    static void nameData(Data d, String name, ComponentNode owner, boolean explicit) {
        if (d instanceof BaseType b) {
            if (b.node() instanceof Signal s && (owner == null || s.owner() == owner)) {
                s.setName(name, explicit ? NameSource.EXPLICIT : NameSource.FIELD);
            }
        } else if (d instanceof Bundle bundle) {
            List<Bundle.Element> elements = bundle.elements();
            for (int i = 0; i < elements.size(); i++) {
                nameData(elements.get(i).data(), name + "_" + bundle.elementName(i), owner, explicit);
            }
        }
    }

    /** Turns the leaves of the {@code io} field into ports, with directions composed through nested bundles. */
    private static void resolveIo(Component c) {
        for (Field f : fields(c.getClass(), Component.class)) {
            if (!f.getName().equals("io")) continue;
            Object v = get(f, c);
            if (v == null) continue;
            if (!(v instanceof Data io)) throw new IllegalStateException("field io of " + c.getClass().getSimpleName() + " is not hardware");
            nameData(io, "io", c.node(), false);
            collectPorts(io, null, false, c.node(), "io");
        }
    }

    private static void collectPorts(Data d, Bundle.Dir dir, boolean flip, ComponentNode owner, String path) {
        if (d instanceof BaseType b) {
            Signal s = b.signal("a port");
            if (s.owner() != owner) return;
            if (dir == null || dir == Bundle.Dir.NONE || dir == Bundle.Dir.MASTER || dir == Bundle.Dir.SLAVE) {
                throw new HdlError(HdlError.Kind.INVALID, path + " has no direction: declare it with in(...) or out(...)", s.loc());
            }
            boolean input = (dir == Bundle.Dir.IN) != flip;
            if (s.kind() != Signal.Kind.WIRE) {
                throw new HdlError(HdlError.Kind.INVALID, path + " is a " + s.kind() + " and cannot be a port; declare a port and assign the register to it", s.loc());
            }
            s.setKind(input ? Signal.Kind.IN : Signal.Kind.OUT);
            owner.ports().add(s);
            return;
        }
        Bundle bundle = (Bundle) d;
        List<Bundle.Element> elements = bundle.elements();
        for (int i = 0; i < elements.size(); i++) {
            Bundle.Element e = elements.get(i);
            Bundle.Dir inner = e.dir();
            boolean innerFlip = flip;
            Bundle.Dir leafDir;
            if (inner == Bundle.Dir.IN || inner == Bundle.Dir.OUT) {
                leafDir = (dir == Bundle.Dir.IN || dir == Bundle.Dir.OUT) ? dir : inner;
            } else {
                if (inner == Bundle.Dir.SLAVE) innerFlip = !flip;
                leafDir = (dir == Bundle.Dir.IN || dir == Bundle.Dir.OUT) ? dir : null;
            }
            collectPorts(e.data(), leafDir, innerFlip, owner, path + "_" + bundle.elementName(i));
        }
    }
}
