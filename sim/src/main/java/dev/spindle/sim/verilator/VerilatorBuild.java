package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a directory of Verilog files into a cached shared library that {@link NativeModel} loads.
 *
 * <p>The cache key is the SHA-256 of the Verilog files' names and contents, the top's name, the port
 * list, the Verilator and g++ version strings, every flag, the runtime's key and the shim's source
 * text; the directory holding the files is not part of it, so the same design emitted anywhere hits.
 * An instance holds no mutable state and may be shared between threads.
 */
public final class VerilatorBuild {

    private static final String LAYOUT = "spindle-verilator-model-1";

    private final Toolchain tools;
    private final CacheLayout cache;
    private final BuildFlags flags;
    private final Consumer<String> progress;

    public VerilatorBuild(Toolchain tools, CacheLayout cache, BuildFlags flags, Consumer<String> progress) {
        this.tools = tools;
        this.cache = cache;
        this.flags = flags;
        this.progress = progress;
    }

    /** The tools on the PATH, the cache from the environment, the standard flags, progress on stderr. */
    public static VerilatorBuild standard() {
        return new VerilatorBuild(Toolchain.detect(), CacheLayout.fromEnvironment(), BuildFlags.standard(),
                System.err::println);
    }

    public Toolchain toolchain() {
        return tools;
    }

    public CacheLayout cache() {
        return cache;
    }

    public BuildFlags flags() {
        return flags;
    }

    /**
     * The library of module {@code top} from the {@code .v}/{@code .sv} files of {@code verilogDir} (one
     * module per file), built unless the cache has it.
     *
     * @throws VerilatorException when Verilator rejects the design (the message shows file:line and text)
     * @throws IllegalArgumentException when {@code ports} does not match the top's ports
     */
    public ModelLibrary build(Path verilogDir, String top, List<PortSpec> ports) { return build(verilogDir, top, ports, () -> { }); }

    /**
     * As {@link #build(Path, String, List)}, running {@code beforeCompile} first when the library is not cached
     * (e.g. a lint gate: whatever it rejects is never compiled, so never cached).
     */
    public ModelLibrary build(Path verilogDir, String top, List<PortSpec> ports, Runnable beforeCompile) {
        return build(verilogDir, top, ports, flags, beforeCompile);
    }

    /**
     * As {@link #build(Path, String, List, Runnable)} for a simulation that will ({@code waves}) or will not
     * write waveforms: a design over {@link BuildFlags#BIG_DESIGN_VERILOG_BYTES} of Verilog is then built with
     * its functions split and, unless {@code waves}, without tracing ({@link BuildFlags#forDesign}); a smaller
     * one as always (traced).
     */
    public ModelLibrary build(Path verilogDir, String top, List<PortSpec> ports, boolean waves, Runnable beforeCompile) {
        long bytes = 0;
        for (Path file : verilogFiles(verilogDir)) bytes += size(file);
        return build(verilogDir, top, ports, flags.forDesign(bytes, waves), beforeCompile);
    }

    private ModelLibrary build(Path verilogDir, String top, List<PortSpec> ports, BuildFlags flags, Runnable beforeCompile) {
        if (!top.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("top must be a Verilog module name, got '" + top + "'");
        }
        ports = List.copyOf(ports);
        List<Path> files = verilogFiles(verilogDir);
        String shim = ShimSource.generate(top, ports);
        CacheKey key = key(files, top, ports, shim, flags);
        String hash = key.hash();
        Path dir = cache.modelDir(hash);
        String label = top + " (hash " + hash.substring(0, 8) + ")";
        if (Files.isRegularFile(dir.resolve("libmodel.so"))) {
            progress.accept("spindle: verilator cache hit " + label);
            return new ModelLibrary(top, ports, hash, dir, true);
        }
        beforeCompile.run();

        cache.cleanStaleTemps();
        List<Path> runtime = RuntimeObjects.ensure(tools, flags, cache, progress);
        progress.accept("spindle: verilator build " + label + (flags.trace() ? "" : " without tracing (no waves asked for)") + " ...");
        long start = System.nanoTime();
        Path temp = cache.newTempDir(hash.substring(0, 8));
        try {
            Path verilated = temp.resolve("verilated");
            verilate(flags, verilogDir, files, top, verilated);
            String verilatorTime = Seconds.since(start);
            progress.accept("spindle:   verilator done in " + verilatorTime + "; compiling its C++");
            HeaderPorts.check(top, ports, HeaderPorts.read(verilated.resolve("V" + top + ".h")));

            ModelCompiler.write(temp.resolve("shim.cpp"), shim);
            ModelCompiler.write(temp.resolve("key.txt"), key.description());
            Path work = Files.createDirectory(temp.resolve("work"));
            long compileStart = System.nanoTime();
            List<Path> objects = new ModelCompiler(tools, flags, progress).build(verilated, top, List.of(temp.resolve("shim.cpp")),
                    runtime, work, temp.resolve("libmodel.so"), true);
            if (objects.size() > 1) keepObjects(objects, temp.resolve(ModelLibrary.OBJECTS));
            CacheLayout.deleteTree(work);
            boolean ours = cache.publish(temp, dir);
            progress.accept("spindle: verilator build " + label + " done in " + Seconds.since(start)
                    + " (verilator " + verilatorTime + ", g++ " + Seconds.since(compileStart) + ")"
                    + (ours ? "" : "; another build published it first, using that copy"));
            return new ModelLibrary(top, ports, hash, dir, false);
        } catch (IOException e) {
            progress.accept("spindle: verilator build " + label + " failed after " + Seconds.since(start));
            throw new UncheckedIOException("cannot build " + top + " in " + temp, e);
        } catch (RuntimeException e) {
            progress.accept("spindle: verilator build " + label + " failed after " + Seconds.since(start));
            throw e;
        } finally {
            CacheLayout.deleteTree(temp); // gone already when published
        }
    }

    private CacheKey key(List<Path> files, String top, List<PortSpec> ports, String shim, BuildFlags flags) {
        var key = new CacheKey().add("layout", LAYOUT);
        for (Path file : files) key.add("file " + file.getFileName(), read(file));
        return key.add("top", top)
                .add("ports", ports.toString())
                .add("verilator", tools.verilatorVersion())
                .add("cxx", tools.cxxVersion())
                .add("flags", flags.modelKey())
                .add("runtime", RuntimeObjects.hash(tools, flags))
                .add("shim", shim);
    }

    /** Runs Verilator from the Verilog directory so its messages name files as the emitter wrote them. */
    private void verilate(BuildFlags flags, Path verilogDir, List<Path> files, String top, Path outDir) {
        var command = new ArrayList<String>();
        command.add(tools.verilator().toString());
        command.addAll(flags.verilatorFlags());
        command.addAll(List.of("--top-module", top, "-I.", "-Mdir", outDir.toString()));
        files.stream().filter(VerilatorBuild::isSource).forEach(f -> command.add(f.getFileName().toString()));
        Processes.Result result = Processes.run(verilogDir, command);
        if (!result.ok()) {
            throw new VerilatorException(top, VerilogDiagnostic.parse(result.output(), verilogDir), result.output());
        }
    }

    /** The Verilog sources of a directory, sorted by name; headers count for the key only. */
    static List<Path> verilogFiles(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no such directory: " + dir);
        try (Stream<Path> list = Files.list(dir)) {
            List<Path> files = list.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(v|sv|vh|svh)"))
                    .sorted()
                    .toList();
            if (files.stream().noneMatch(VerilatorBuild::isSource)) {
                throw new IllegalArgumentException("no .v or .sv files in " + dir);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static boolean isSource(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".v") || name.endsWith(".sv");
    }

    /**
     * Keeps a big model's objects (its shim included) beside the library, so a C++ loop over it
     * ({@link NativeBenchmark}) links them instead of compiling the model again (minutes for a whole network).
     */
    private static void keepObjects(List<Path> objects, Path dir) throws IOException {
        Files.createDirectory(dir);
        for (Path o : objects) Files.move(o, dir.resolve(o.getFileName()));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
