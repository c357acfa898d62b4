package dev.spindle.hdl.verilog;

import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.ir.ComponentNode;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.ir.Signal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits a checked design as Verilog-2005: one module per distinct component body (identical instances share a
 * module, others of the same class get {@code _1}, {@code _2}...), one file per module named after it. The output
 * depends only on the design, so the same inputs give byte-identical files.
 */
public final class VerilogBackend {
    public static final String GENERATOR = "spindle 0.1.0";
    private static final String NAME_SLOT = "\u0000MODULE\u0000";

    private VerilogBackend() {}

    public static VerilogOutput emit(Elaborated<?> design) {
        Map<ComponentNode, String> moduleNames = new IdentityHashMap<>();
        Map<String, String> textToName = new LinkedHashMap<>();
        Map<String, Integer> perDefinition = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        List<Manifest.Renamed> renamed = new ArrayList<>();
        List<Manifest.Declaration> declarations = new ArrayList<>();
        emitPostOrder(design.root(), moduleNames, textToName, perDefinition, files, renamed, declarations);
        String top = moduleNames.get(design.root());
        Manifest manifest = manifest(design, top, files, renamed, declarations);
        Map<String, String> stubs = new LinkedHashMap<>();
        collectStubs(design.root(), stubs);
        return new VerilogOutput(top, files, manifest, stubs);
    }

    private static void collectStubs(ComponentNode c, Map<String, String> stubs) {
        if (c.isBlackBox()) stubs.putIfAbsent(c.blackBoxModule() + ".v", BlackBoxStub.of(c));
        for (ComponentNode child : c.children()) collectStubs(child, stubs);
    }

    private static void emitPostOrder(ComponentNode c, Map<ComponentNode, String> moduleNames, Map<String, String> textToName,
                                      Map<String, Integer> perDefinition, Map<String, String> files, List<Manifest.Renamed> renamed,
                                      List<Manifest.Declaration> declarations) {
        for (ComponentNode child : c.children()) emitPostOrder(child, moduleNames, textToName, perDefinition, files, renamed, declarations);
        if (c.isBlackBox()) return;
        String javaClass = c.config() == null ? c.definitionName() : c.definitionName() + " " + c.config();
        ModuleWriter writer = new ModuleWriter(c, moduleNames);
        String text = writer.write(NAME_SLOT, javaClass.replace('\n', ' '));
        String existing = textToName.get(text);
        if (existing != null) {
            moduleNames.put(c, existing);
            return;
        }
        int k = perDefinition.merge(c.definitionName(), 1, Integer::sum) - 1;
        String name = k == 0 ? c.definitionName() : c.definitionName() + "_" + k;
        textToName.put(text, name);
        moduleNames.put(c, name);
        for (Manifest.Declaration d : writer.declarations()) declarations.add(d.inModule(name));
        files.put(name + ".v", text.replace(NAME_SLOT, name));
        writer.renamedKeywords().forEach((java, verilog) -> renamed.add(new Manifest.Renamed(name, java, verilog)));
    }

    private static Manifest manifest(Elaborated<?> design, String top, Map<String, String> files, List<Manifest.Renamed> renamed,
                                     List<Manifest.Declaration> declarations) {
        ComponentNode root = design.root();
        List<Manifest.Port> ports = new ArrayList<>();
        for (Signal p : root.ports()) ports.add(new Manifest.Port(p.name(), p.kind() == Signal.Kind.IN ? "in" : "out", p.width()));
        List<Manifest.ClockDomainInfo> domains = new ArrayList<>();
        for (Domain d : design.domains()) {
            if (!root.ports().contains(d.clock())) continue;
            String reset = d.reset() != null && root.ports().contains(d.reset()) ? d.reset().name() : null;
            String enable = d.enable() != null && root.ports().contains(d.enable()) ? d.enable().name() : null;
            domains.add(new Manifest.ClockDomainInfo(d.name(), d.clock().name(), reset, d.resetKind().name(),
                    d.resetActive().name(), enable, d.periodNs()));
        }
        Object config = root.config();
        return new Manifest(GENERATOR, top, List.copyOf(files.keySet()), ports, domains,
                config == null ? null : config.getClass().getName(), config, sha256(files), List.copyOf(renamed), List.copyOf(declarations));
    }

    static String sha256(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            VerilogOutput.digest(md, files);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
