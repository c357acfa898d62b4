package dev.spindle.estimate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module tree of an emitted design, read from Spindle's own Verilog (one module per file, an instance line
 * {@code  Type name (}): which modules each module instantiates and how often, and which modules are the same
 * circuit under two names (the emitter numbers modules whose configurations differ, even when only a layer's name
 * in the header comment does).
 */
final class VerilogModules {
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+([A-Za-z_][A-Za-z0-9_$]*)\\s*[(#;]");
    private static final Pattern INSTANCE = Pattern.compile("(?m)^\\s+([A-Za-z_][A-Za-z0-9_$]*)\\s+(?:#\\s*\\(.*\\)\\s*)?[A-Za-z_][A-Za-z0-9_$]*\\s*\\(");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");

    /** One module: its file, the modules it instantiates with their counts (in first-use order), its circuit key. */
    record Module(String name, String file, Map<String, Integer> children, String circuit) {}

    private final Map<String, Module> modules;

    private VerilogModules(Map<String, Module> modules) {
        this.modules = modules;
    }

    /** @param files file name to Verilog text, one module a file (what the Verilog backend writes) */
    static VerilogModules of(Map<String, String> files) {
        Map<String, String> fileOf = new LinkedHashMap<>();
        for (var f : files.entrySet()) {
            Matcher m = MODULE.matcher(f.getValue());
            if (!m.find()) continue;
            String name = m.group(1);
            if (m.find()) {
                throw new EstimateException("file " + f.getKey() + " declares modules " + name + " and " + m.group(1)
                        + ": a per-module estimate needs one module a file");
            }
            fileOf.put(name, f.getKey());
        }
        Map<String, Module> modules = new LinkedHashMap<>();
        for (var e : fileOf.entrySet()) {
            String text = files.get(e.getValue());
            Map<String, Integer> children = new LinkedHashMap<>();
            Matcher m = INSTANCE.matcher(text);
            while (m.find()) if (fileOf.containsKey(m.group(1))) children.merge(m.group(1), 1, Integer::sum);
            modules.put(e.getKey(), new Module(e.getKey(), e.getValue(), Collections.unmodifiableMap(children), circuit(text, e.getKey())));
        }
        return new VerilogModules(modules);
    }

    /** The text without comments and with the module's own name blanked: equal keys, equal circuits. */
    private static String circuit(String text, String name) {
        String body = LINE_COMMENT.matcher(text).replaceAll("");
        return body.replaceFirst("(?m)^module\\s+" + Pattern.quote(name) + "\\b", "module _");
    }

    Module module(String name) {
        Module m = modules.get(name);
        if (m == null) throw new EstimateException("module " + name + " is not declared in the design's files " + modules.keySet());
        return m;
    }

    /** Every module reachable from {@code top}, children before parents, {@code top} last. */
    List<Module> below(String top) {
        List<Module> order = new ArrayList<>();
        visit(module(top), order, new HashMap<>());
        return order;
    }

    private void visit(Module m, List<Module> order, Map<String, Boolean> state) {
        Boolean s = state.get(m.name());
        if (Boolean.TRUE.equals(s)) return;
        if (Boolean.FALSE.equals(s)) throw new EstimateException("module " + m.name() + " instantiates itself");
        state.put(m.name(), false);
        for (String child : m.children().keySet()) visit(module(child), order, state);
        state.put(m.name(), true);
        order.add(m);
    }

    /** How many instances of each module the design under {@code top} holds ({@code top} itself once). */
    Map<String, Long> instances(String top) {
        Map<String, Long> count = new LinkedHashMap<>();
        List<Module> order = below(top);
        for (Module m : order) count.put(m.name(), 0L);
        count.put(top, 1L);
        for (int i = order.size() - 1; i >= 0; i--) {
            Module m = order.get(i);
            long n = count.get(m.name());
            for (var c : m.children().entrySet()) count.merge(c.getKey(), n * c.getValue(), Long::sum);
        }
        return count;
    }
}
