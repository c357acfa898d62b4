package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles Verilator's C++ output plus extra sources (the shim, a benchmark main) and links them with the
 * runtime objects into a shared library or an executable, calling g++ directly.
 *
 * <p>Measured on 2 cores: one "unity" translation unit per chunk (a file that #includes the generated
 * files) beats one g++ per file by 3-8× (each file re-parses verilated.h; Bench: 1.5 s against 12 s),
 * and verilator's own Makefile builds the same unity file plus make's overhead. A small design is one
 * chunk: splitting it saves ~0.2 s on an idle machine and costs 1.5 s on a busy one (both chunks parse
 * the headers). A big one is split: construction ("slow") code in its own chunk at OPT_SLOW, per-cycle
 * ("fast") code in one chunk per job at OPT_FAST, compiled in parallel (400 registers: 1.9 s against
 * 2.5 s).
 */
final class ModelCompiler {

    /** Fast code above this size is split across jobs (a 250 KB chunk compiles in ~2 s at -O2). */
    private static final long SPLIT_BYTES = 512 * 1024;
    /** Below this much generated code (fast and slow) the design is compiled as a single chunk. */
    private static final long SINGLE_CHUNK_BYTES = 192 * 1024;

    private record Chunk(List<Path> sources, String opt, long bytes) {}

    private final Toolchain tools;
    private final BuildFlags flags;

    ModelCompiler(Toolchain tools, BuildFlags flags) {
        this.tools = tools;
        this.flags = flags;
    }

    /**
     * Builds {@code output} from the Verilated model V{@code top} in {@code objDir}, {@code extra} sources
     * compiled with the per-cycle code, and {@code runtime}; intermediate files go to {@code work}.
     */
    void build(Path objDir, String top, List<Path> extra, List<Path> runtime, Path work, Path output,
               boolean sharedLibrary) {
        Map<String, List<String>> classes = readClassesMk(objDir.resolve("V" + top + "_classes.mk"));
        List<Path> fast = sources(objDir, classes, "VM_CLASSES_FAST", "VM_SUPPORT_FAST");
        List<Path> slow = sources(objDir, classes, "VM_CLASSES_SLOW", "VM_SUPPORT_SLOW");

        var chunks = new ArrayList<Chunk>();
        if (bytes(fast) + bytes(slow) < SINGLE_CHUNK_BYTES || flags.jobs() == 1) {
            chunks.add(new Chunk(concat(concat(fast, extra), slow), flags.optFast(), 0));
        } else {
            for (List<Path> part : split(fast)) chunks.add(new Chunk(part, flags.optFast(), bytes(part)));
            chunks.set(0, new Chunk(concat(chunks.getFirst().sources(), extra), flags.optFast(),
                    chunks.getFirst().bytes() + bytes(extra)));
            if (!slow.isEmpty()) chunks.add(new Chunk(slow, flags.optSlow(), bytes(slow)));
            chunks.sort(Comparator.comparingLong(Chunk::bytes).reversed());
        }

        var compiles = new ArrayList<List<String>>();
        var objects = new ArrayList<String>();
        for (int i = 0; i < chunks.size(); i++) {
            Path unity = work.resolve("chunk" + i + ".cpp");
            Path object = work.resolve("chunk" + i + ".o");
            writeUnity(unity, chunks.get(i).sources());
            var command = new ArrayList<String>();
            command.add(tools.cxx().toString());
            command.addAll(flags.cxxFlags());
            command.addAll(flags.modelDefines());
            command.addAll(RuntimeObjects.includes(tools));
            command.add("-I" + objDir);
            command.add(chunks.get(i).opt());
            command.addAll(List.of("-c", "-o", object.toString(), unity.toString()));
            compiles.add(command);
            objects.add(object.toString());
        }
        Processes.checkAll(work, compiles, flags.jobs());

        var link = new ArrayList<String>();
        link.add(tools.cxx().toString());
        if (sharedLibrary) {
            // Export only the shim: each model keeps its own private copy of the runtime, so two models
            // loaded in one JVM never bind to each other's Verilator globals.
            Path exports = work.resolve("exports.map");
            write(exports, "{ global: spindle_*; local: *; };\n");
            link.addAll(List.of("-shared", "-Wl,--version-script=" + exports));
        }
        link.addAll(List.of("-o", output.toString()));
        link.addAll(objects);
        runtime.forEach(r -> link.add(r.toString()));
        link.addAll(flags.libs());
        Processes.check(work, link);
    }

    /** Fast sources in up to {@code jobs} groups of similar size; one group unless they are big. */
    private List<List<Path>> split(List<Path> fast) {
        long total = bytes(fast);
        int groups = (int) Math.max(1, Math.min(flags.jobs(), (total + SPLIT_BYTES - 1) / SPLIT_BYTES));
        var parts = new ArrayList<List<Path>>();
        var sizes = new long[groups];
        for (int i = 0; i < groups; i++) parts.add(new ArrayList<>());
        var bySize = new ArrayList<>(fast);
        bySize.sort(Comparator.comparingLong(ModelCompiler::size).reversed());
        for (Path source : bySize) { // greedy: largest file into the lightest group
            int lightest = 0;
            for (int i = 1; i < groups; i++) if (sizes[i] < sizes[lightest]) lightest = i;
            parts.get(lightest).add(source);
            sizes[lightest] += size(source);
        }
        parts.removeIf(List::isEmpty);
        if (parts.isEmpty()) parts.add(new ArrayList<>());
        return parts;
    }

    /** The variables of Verilator's {@code V<top>_classes.mk}: each {@code VAR += \} and its names. */
    static Map<String, List<String>> readClassesMk(Path mk) {
        var vars = new HashMap<String, List<String>>();
        List<String> current = null;
        for (String line : readLines(mk)) {
            String text = line.strip();
            if (text.endsWith("+= \\")) {
                current = vars.computeIfAbsent(text.substring(0, text.indexOf(' ')), k -> new ArrayList<>());
            } else if (current != null && !text.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                current.add(text.replace("\\", "").strip());
            } else {
                current = null;
            }
        }
        return vars;
    }

    private static List<Path> sources(Path objDir, Map<String, List<String>> classes, String... vars) {
        var sources = new ArrayList<Path>();
        for (String var : vars) {
            for (String name : classes.getOrDefault(var, List.of())) sources.add(objDir.resolve(name + ".cpp"));
        }
        return sources;
    }

    private static void writeUnity(Path unity, List<Path> sources) {
        var text = new StringBuilder("// Unity translation unit written by Spindle.\n");
        for (Path source : sources) text.append("#include \"").append(source).append("\"\n");
        write(unity, text.toString());
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static long bytes(List<Path> paths) {
        return paths.stream().mapToLong(ModelCompiler::size).sum();
    }

    private static long size(Path path) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static List<String> readLines(Path path) {
        try {
            return Files.readAllLines(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static void write(Path path, String text) {
        try {
            Files.writeString(path, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
