package dev.spindle.design;

import dev.spindle.hdl.ConfiguredComponent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The one registry of designs: every {@link DesignProvider} on the class path ({@code META-INF/services}), read once
 * on first use and fixed from then on. Look a design up by name ({@link #get}), then use its typed entry; what other
 * modules attach to it (the testbench of {@code spindle sim}) is found with {@link #attachments(Design)}.
 */
public final class Designs {
    private Designs() {}

    /** Built on first use (class initialisation is thread-safe and happens once). */
    private static final class Loaded {
        static final Catalog CATALOG = Catalog.of(ServiceLoader.load(DesignProvider.class, Designs.class.getClassLoader()));
    }

    /** All designs, in provider order. */
    public static List<Design<?, ?>> all() { return Loaded.CATALOG.designs(); }

    /** The design called {@code name}; an unknown name is an error that lists the known ones. */
    public static Design<?, ?> get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown design '" + name
                + "': known designs are " + String.join(", ", Loaded.CATALOG.names())));
    }

    public static Optional<Design<?, ?>> find(String name) { return Loaded.CATALOG.find(name); }

    /** What the providers attach to {@code design}, in provider order; empty for a design not in the registry. */
    public static <C extends Record, T extends ConfiguredComponent<C>> List<Design.Attachment<C, T>> attachments(Design<C, T> design) {
        return Loaded.CATALOG.attachments(design);
    }

    /** The designs and attachments of a set of providers, checked: unique names, attachments only to registered designs. */
    record Catalog(Map<String, Design<?, ?>> byName /* in provider order */, Map<String, List<Design.Attachment<?, ?>>> attached) {
        static Catalog of(Iterable<? extends DesignProvider> providers) {
            Map<String, Design<?, ?>> byName = new LinkedHashMap<>();
            Map<String, String> origin = new LinkedHashMap<>();
            List<Design.Attachment<?, ?>> attachments = new ArrayList<>();
            for (DesignProvider p : providers) {
                String from = p.getClass().getName();
                for (Design<?, ?> d : p.designs()) {
                    String earlier = origin.putIfAbsent(d.name(), from);
                    if (earlier != null) {
                        throw new IllegalStateException("design '" + d.name() + "' is defined twice: by " + earlier + " and by " + from);
                    }
                    byName.put(d.name(), d);
                }
                attachments.addAll(p.attachments());
            }
            Map<String, List<Design.Attachment<?, ?>>> attached = new LinkedHashMap<>();
            for (Design.Attachment<?, ?> a : attachments) {
                Design<?, ?> d = a.design();
                if (byName.get(d.name()) != d) {
                    throw new IllegalStateException(a.getClass().getName() + " attaches to design '" + d.name()
                            + "', which no provider registers" + (byName.containsKey(d.name()) ? " (a different entry has that name)" : ""));
                }
                attached.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(a);
            }
            attached.replaceAll((k, v) -> List.copyOf(v));
            return new Catalog(Collections.unmodifiableMap(byName), Map.copyOf(attached));
        }

        List<Design<?, ?>> designs() { return List.copyOf(byName.values()); }

        List<String> names() { return List.copyOf(byName.keySet()); }

        Optional<Design<?, ?>> find(String name) { return Optional.ofNullable(byName.get(name)); }

        /**
         * The one generic place of the registry: an attachment was filed under its design's name only after
         * checking that its {@code design()} is that very entry, so it is typed by the same {@code C} and {@code T}.
         */
        @SuppressWarnings("unchecked")
        <C extends Record, T extends ConfiguredComponent<C>> List<Design.Attachment<C, T>> attachments(Design<C, T> design) {
            if (byName.get(design.name()) != design) return List.of();
            List<?> list = attached.getOrDefault(design.name(), List.of());
            return (List<Design.Attachment<C, T>>) list;
        }
    }
}
