package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Compiles Verilator's C++ output plus extra sources (the shim, a benchmark main) and links them with the
 * runtime objects into a shared library or an executable, calling g++ directly.
 *
 * <p>Measured on 2 cores: one "unity" translation unit per chunk (a file that #includes the generated
 * files) beats one g++ per file by 3-8× (each file re-parses verilated.h; Bench: 1.5 s against 12 s),
 * and verilator's own Makefile builds the same unity file plus make's overhead. A small design is one
 * chunk: splitting it saves ~0.2 s on an idle machine and costs 1.5 s on a busy one (both chunks parse
 * the headers). A big one is split: construction ("slow") code at OPT_SLOW, per-cycle ("fast") code at
 * OPT_FAST, each in chunks of about {@link #MAX_CHUNK_BYTES} (fast code in at least one chunk per job),
 * compiled in parallel (400 registers: 1.9 s against 2.5 s). The cap matters for whole networks: the b-tag
 * transformer's 53 MB of C++ in three unity files (two fast, one slow) took 58 minutes; the headers a chunk
 * parses cost ~1.8 s, a 0.5 MB file of its fast code 5.6 s more at -O2, 1.9 s at -O1.
 */
final class ModelCompiler {

    /** Fast code above this size is split across jobs (a 250 KB chunk compiles in ~2 s at -O2). */
    private static final long SPLIT_BYTES = 512 * 1024;
    /** Chunks are about this big at most: g++ on one huge unity file takes far longer than on its parts. */
    static final long MAX_CHUNK_BYTES = 1024 * 1024;
    /** Below this much generated code (fast and slow) the design is compiled as a single chunk. */
    private static final long SINGLE_CHUNK_BYTES = 192 * 1024;

    /** One translation unit: its sources, optimisation, size, and which code it holds (fast, slow or all). */
    record Chunk(List<Path> sources, String opt, long bytes, String kind) {}

    private final Toolchain tools;
    private final BuildFlags flags;
    private final Consumer<String> progress;

    ModelCompiler(Toolchain tools, BuildFlags flags) {
        this(tools, flags, s -> { });
    }

    /** {@code progress} hears, for a design of several chunks, what is compiled and how long each chunk took. */
    ModelCompiler(Toolchain tools, BuildFlags flags, Consumer<String> progress) {
        this.tools = tools;
        this.flags = flags;
        this.progress = progress;
    }

    /**
     * Builds {@code output} from the Verilated model V{@code top} in {@code objDir}, {@code extra} sources
     * compiled with the per-cycle code, and {@code runtime}; intermediate files go to {@code work}. Returns the
     * objects it linked (in {@code work}).
     */
    List<Path> build(Path objDir, String top, List<Path> extra, List<Path> runtime, Path work, Path output,
                     boolean sharedLibrary) {
        Map<String, List<String>> classes = readClassesMk(objDir.resolve("V" + top + "_classes.mk"));
        List<Path> fast = sources(objDir, classes, "VM_CLASSES_FAST", "VM_SUPPORT_FAST");
        List<Path> slow = sources(objDir, classes, "VM_CLASSES_SLOW", "VM_SUPPORT_SLOW");
        List<Chunk> chunks = plan(fast, slow, extra);
        if (chunks.size() > 1) {
            progress.accept(String.format(Locale.ROOT, "spindle: g++ %d chunks of V%s (fast %s at %s, slow %s at %s), %d at a time",
                    chunks.size(), top, megabytes(bytes(fast)), flags.optFast(), megabytes(bytes(slow)), flags.optSlow(),
                    Math.min(flags.jobs(), chunks.size())));
        }
        List<Path> objects = compile(objDir, chunks, work, "chunk");
        link(objects, runtime, work, output, sharedLibrary);
        return objects;
    }

    /**
     * Builds the executable {@code output} from the objects of a model build ({@code prebuilt}, its shim
     * included) and {@code extra} sources (a benchmark main), compiled at OPT_FAST against the model's headers.
     */
    void buildWith(Path objDir, List<Path> prebuilt, List<Path> extra, List<Path> runtime, Path work, Path output) {
        var objects = new ArrayList<>(compile(objDir, List.of(new Chunk(extra, flags.optFast(), bytes(extra), "extra")), work, "extra"));
        objects.addAll(prebuilt);
        link(objects, runtime, work, output, false);
    }

    private List<Path> compile(Path objDir, List<Chunk> chunks, Path work, String prefix) {
        var compiles = new ArrayList<List<String>>();
        var objects = new ArrayList<Path>();
        for (int i = 0; i < chunks.size(); i++) {
            Path unity = work.resolve(prefix + i + ".cpp");
            Path object = work.resolve(prefix + i + ".o");
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
            objects.add(object);
        }
        var done = new AtomicInteger();
        Processes.checkAll(work, compiles, flags.jobs(), (index, startNanos) -> {
            if (chunks.size() == 1) return;
            Chunk c = chunks.get(index);
            progress.accept(String.format(Locale.ROOT, "spindle:   chunk %d/%d done (%s %s, %d files, %s) in %s",
                    done.incrementAndGet(), chunks.size(), c.kind(), megabytes(c.bytes()), c.sources().size(), c.opt(),
                    Seconds.since(startNanos)));
        });
        return objects;
    }

    private void link(List<Path> objects, List<Path> runtime, Path work, Path output, boolean sharedLibrary) {
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
        objects.forEach(o -> link.add(o.toString()));
        runtime.forEach(r -> link.add(r.toString()));
        link.addAll(flags.libs());
        Processes.check(work, link);
    }

    /**
     * The translation units: one for a small design; else fast and slow code apart, each in
     * ⌈size / {@link #MAX_CHUNK_BYTES}⌉ chunks of similar size (fast code in at least one per job when over
     * {@link #SPLIT_BYTES}); the largest first, so the longest compiles start first.
     */
    List<Chunk> plan(List<Path> fast, List<Path> slow, List<Path> extra) {
        var chunks = new ArrayList<Chunk>();
        long total = bytes(fast) + bytes(slow);
        if (total < SINGLE_CHUNK_BYTES || (flags.jobs() == 1 && total < MAX_CHUNK_BYTES)) {
            chunks.add(new Chunk(concat(concat(fast, extra), slow), flags.optFast(), 0, "all"));
        } else {
            long fastBytes = bytes(fast);
            int fastGroups = (int) Math.max(Math.min(flags.jobs(), ceil(fastBytes, SPLIT_BYTES)), ceil(fastBytes, MAX_CHUNK_BYTES));
            for (List<Path> part : split(fast, fastGroups)) chunks.add(new Chunk(part, flags.optFast(), bytes(part), "fast"));
            chunks.set(0, new Chunk(concat(chunks.getFirst().sources(), extra), flags.optFast(),
                    chunks.getFirst().bytes() + bytes(extra), "fast"));
            if (!slow.isEmpty()) {
                for (List<Path> part : split(slow, (int) ceil(bytes(slow), MAX_CHUNK_BYTES))) {
                    chunks.add(new Chunk(part, flags.optSlow(), bytes(part), "slow"));
                }
            }
            chunks.sort(Comparator.comparingLong(Chunk::bytes).reversed());
        }
        return chunks;
    }

    /** Sources in up to {@code groups} groups of similar size. */
    private static List<List<Path>> split(List<Path> sources, int groups) {
        groups = Math.max(1, groups);
        var parts = new ArrayList<List<Path>>();
        var sizes = new long[groups];
        for (int i = 0; i < groups; i++) parts.add(new ArrayList<>());
        var bySize = new ArrayList<>(sources);
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

    private static long ceil(long bytes, long unit) {
        return Math.max(1, (bytes + unit - 1) / unit);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
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
