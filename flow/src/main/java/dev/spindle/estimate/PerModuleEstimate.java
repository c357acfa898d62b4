package dev.spindle.estimate;

import dev.spindle.hdl.verilog.VerilogOutput;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Estimates a hierarchical design one module at a time: each distinct module is synthesised once ({@code hierarchy
 * -top} the module, the modules it instantiates read with {@code read_verilog -lib} as black boxes), modules that are
 * the same circuit under another name reuse that synthesis, and the totals are the sum over every instance
 * ({@link HierarchyEstimate}). The time grows with the distinct logic, not with the copies: a network of three equal
 * blocks synthesises one block's units once. Each module's result is kept between runs ({@link EstimateCache}, under
 * {@code $SPINDLE_CACHE}), so a module that has not changed since any earlier estimate is not synthesised again (the
 * progress line says {@code yosys cache hit}). What it does not see: optimisation across module boundaries and
 * combinational paths that cross one.
 */
public final class PerModuleEstimate {
    private PerModuleEstimate() {}

    public static HierarchyEstimate of(VerilogOutput out, EstimateOptions options) {
        return of(out, options, System.err);
    }

    public static HierarchyEstimate of(VerilogOutput out, EstimateOptions options, PrintStream progress) {
        return of(out.top(), out.files(), out.blackBoxStubs(), options, progress);
    }

    /**
     * @param files     file name to Verilog text, one module a file
     * @param blackBoxStubs black-box stubs by file name (vendor IP), read with {@code read_verilog -lib} by every run
     */
    public static HierarchyEstimate of(String top, Map<String, String> files, Map<String, String> blackBoxStubs, EstimateOptions options,
                                       PrintStream progress) {
        return of(top, files, blackBoxStubs, options, progress, EstimateCache.fromEnvironment());
    }

    /** {@link #of(String, Map, Map, EstimateOptions, PrintStream)} with the modules' results kept in {@code cache}. */
    static HierarchyEstimate of(String top, Map<String, String> files, Map<String, String> blackBoxStubs, EstimateOptions options,
                                PrintStream progress, EstimateCache cache) {
        VerilogModules tree = VerilogModules.of(files);
        List<VerilogModules.Module> order = tree.below(top);
        Map<String, Long> instances = tree.instances(top);
        try (ScratchDir scratch = ScratchDir.create()) {
            Path dir = scratch.path();
            for (var f : files.entrySet()) Files.writeString(dir.resolve(f.getKey()), f.getValue());
            List<Path> stubs = new ArrayList<>(options.blackboxes());
            for (var stub : blackBoxStubs.entrySet()) stubs.add(Files.writeString(dir.resolve(stub.getKey()), stub.getValue()));
            long distinct = order.stream().map(VerilogModules.Module::circuit).distinct().count();
            progress.printf(Locale.ROOT, "spindle: estimating %s module by module: %d modules, %d distinct circuits%n",
                    top, order.size(), distinct);
            YosysEstimator yosys = new YosysEstimator(progress);
            String version = Yosys.onPath(System.getenv("PATH")).version();
            List<String> stubTexts = new ArrayList<>();
            for (Path stub : stubs) stubTexts.add(Files.readString(stub));
            int hits = 0;
            Map<String, UnitEstimate> byCircuit = new HashMap<>();
            Map<String, UnitEstimate> done = new HashMap<>();
            List<UnitEstimate> units = new ArrayList<>();
            double seconds = 0;
            int step = 0;
            for (VerilogModules.Module m : order) {
                UnitEstimate same = byCircuit.get(m.circuit());
                ResourceEstimate own;
                if (same == null) {
                    List<Path> bb = new ArrayList<>(stubs);
                    List<String> bbTexts = new ArrayList<>(stubTexts);
                    for (String child : m.children().keySet()) {
                        bb.add(dir.resolve(tree.module(child).file()));
                        bbTexts.add(files.get(tree.module(child).file()));
                    }
                    String key = EstimateCache.key(version, options, files.get(m.file()), bbTexts);
                    ResourceEstimate stored = cache.get(key);
                    String at = "[" + ++step + "/" + distinct + "] ";
                    if (stored != null) {
                        progress.printf(Locale.ROOT, "spindle: %syosys cache hit %s (key %s, estimated in %.1f s when stored)%n",
                                at, m.name(), key.substring(0, 12), stored.seconds());
                        own = EstimateCache.asHit(stored, m.name());
                        hits++;
                    } else {
                        own = yosys.step(at).estimate(List.of(dir.resolve(m.file())), m.name(), options.withBlackboxes(bb));
                        cache.put(key, own);
                        seconds += own.seconds();
                    }
                } else {
                    own = same.own();
                }
                List<Map.Entry<ResourceEstimate, Long>> parts = new ArrayList<>();
                for (var c : m.children().entrySet()) parts.add(Map.entry(done.get(c.getKey()).inclusive(), (long) c.getValue()));
                ResourceEstimate inclusive = HierarchyEstimate.combine(own, parts, instances.keySet(), own.seconds());
                UnitEstimate u = new UnitEstimate(m.name(), instances.get(m.name()), own, inclusive, same == null ? null : same.module());
                if (same == null) byCircuit.put(m.circuit(), u);
                done.put(m.name(), u);
                units.add(u);
            }
            ResourceEstimate whole = done.get(top).inclusive();
            ResourceEstimate total = HierarchyEstimate.combine(whole, List.of(), instances.keySet(), seconds);
            progress.printf(Locale.ROOT, "spindle: %d Yosys runs in %.1f s%s%n", distinct - hits, seconds,
                    hits == 0 ? "" : ", " + hits + " from the cache");
            return new HierarchyEstimate(units, total);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the design for the estimate: " + e.getMessage(), e);
        }
    }
}
