package dev.spindle.sim.verilator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Verilator runtime (verilated, verilated_threads, verilated_fst_c) compiled once per machine and
 * flag set into {@code <cache>/runtime-<hash>/}, then linked into every model: it is the slowest part
 * of a cold build (~6 s with 2 jobs) and never changes between designs.
 */
final class RuntimeObjects {

    /** Longest compile first so the jobs finish together (measured: fst 5.5 s, verilated 5.2 s, threads 1.2 s). */
    static final List<String> SOURCES = List.of("verilated_fst_c", "verilated", "verilated_threads");

    private RuntimeObjects() {}

    /** The cache key of the runtime for this toolchain and these flags. */
    static String hash(Toolchain tools, BuildFlags flags) {
        return new CacheKey()
                .add("layout", "spindle-verilator-runtime-1")
                .add("verilator", tools.verilatorVersion())
                .add("include", tools.includeDir().toString())
                .add("cxx", tools.cxxVersion())
                .add("flags", flags.runtimeKey())
                .hash();
    }

    /** The runtime's object files, building them first when this machine has none for these flags. */
    static List<Path> ensure(Toolchain tools, BuildFlags flags, CacheLayout cache, Consumer<String> progress) {
        String hash = hash(tools, flags);
        Path dir = cache.runtimeDir(hash);
        if (!Files.isDirectory(dir)) {
            String label = "verilator runtime (hash " + hash.substring(0, 8) + ")";
            progress.accept("spindle: building " + label + " once for this machine ...");
            long start = System.nanoTime();
            Path temp = cache.newTempDir("runtime");
            try {
                var commands = new ArrayList<List<String>>();
                for (String source : SOURCES) {
                    var command = new ArrayList<String>();
                    command.add(tools.cxx().toString());
                    command.addAll(flags.cxxFlags());
                    command.addAll(flags.runtimeDefines());
                    command.addAll(includes(tools));
                    command.add(flags.optRuntime());
                    command.addAll(List.of("-c", "-o", temp.resolve(source + ".o").toString(),
                            tools.includeDir().resolve(source + ".cpp").toString()));
                    commands.add(command);
                }
                Processes.checkAll(temp, commands, flags.jobs());
                boolean ours = cache.publish(temp, dir);
                progress.accept("spindle: built " + label + " in " + Seconds.since(start)
                        + (ours ? "" : " (another process finished first; using its copy)"));
            } finally {
                CacheLayout.deleteTree(temp);
            }
        }
        return SOURCES.stream().map(s -> dir.resolve(s + ".o")).toList();
    }

    static List<String> includes(Toolchain tools) {
        return List.of("-I" + tools.includeDir(), "-I" + tools.includeDir().resolve("vltstd"));
    }
}
