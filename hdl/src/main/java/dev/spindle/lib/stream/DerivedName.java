package dev.spindle.lib.stream;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.ir.Signal;

import java.util.function.Supplier;

/**
 * Names hardware after a stream once that stream has its own name, as SpinalHDL's composites do: the registers of
 * {@code io_input.m2sPipe()} become {@code io_input_rValid} and {@code io_input_rData}, its result
 * {@code io_input_m2sPipe_valid}. Names are lazy (resolved at emission), so they follow names given later by
 * fields or by the io bundle; a field or an explicit name still wins.
 */
public final class DerivedName {
    private DerivedName() {}

    /** Names {@code target} {@code <source>_<suffix>[_<field>...]} once {@code source} is named. Returns {@code target}. */
    public static <D extends Data> D after(Stream<?> source, String suffix, D target) {
        return name(target, prefixOf(source.valid, target), suffix);
    }

    /** {@link #after(Stream, String, Data)} for a flow. */
    public static <D extends Data> D after(Flow<?> source, String suffix, D target) {
        return name(target, prefixOf(source.valid, target), suffix);
    }

    /**
     * Names every leaf of {@code target} {@code <prefix>_<suffix>[_<field>...]} when {@code prefix} resolves (while it
     * gives null the emitter's default name stands). Leaves already named are left alone. Returns {@code target}.
     */
    public static <D extends Data> D name(D target, Supplier<String> prefix, String suffix) {
        return target.suggestName(prefix, suffix);
    }

    /**
     * The name of the stream or flow whose valid is {@code valid} (without {@code _valid}), as seen from the component
     * that holds {@code where}: a stream of a child is qualified by the child's instance name. Null while unknown.
     */
    public static Supplier<String> prefixOf(Bool valid, Data where) {
        return () -> {
            if (!(valid.node() instanceof Signal s)) return null;
            String n = s.name();
            if (n == null) return null;
            String base = n.endsWith("_valid") ? n.substring(0, n.length() - "_valid".length()) : n;
            Signal here = firstSignal(where);
            if (here == null || s.owner() == here.owner()) return base;
            if (s.owner().parent() != here.owner()) return null;
            String instance = s.owner().instanceName();
            return instance == null ? null : instance + "_" + base;
        };
    }

    private static Signal firstSignal(Data d) {
        for (BaseType b : d.flatten()) if (b.node() instanceof Signal s) return s;
        return null;
    }
}
