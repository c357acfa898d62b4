package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A built model in the cache: {@code <cache>/<hash>/} holding {@code libmodel.so}, the {@code shim.cpp}
 * it was built with, Verilator's C++ output under {@code verilated/}, {@code key.txt} describing
 * what went into the hash, and for a model compiled in several chunks their objects under {@code objects/}.
 *
 * @param top the top module's name
 * @param ports the top's ports, in the order the shim reports their addresses
 * @param hash SHA-256 of every input of the build (hex)
 * @param directory the cache entry
 * @param cacheHit true when this build found the entry already present
 */
public record ModelLibrary(String top, List<PortSpec> ports, String hash, Path directory, boolean cacheHit) {

    public ModelLibrary {
        ports = List.copyOf(ports);
    }

    /** The subdirectory where a model compiled in several chunks keeps its objects. */
    static final String OBJECTS = "objects";

    /** The objects of a model compiled in several chunks (its shim included), or none for a small one. */
    public List<Path> objects() {
        Path dir = directory.resolve(OBJECTS);
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".o")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    public Path library() {
        return directory.resolve("libmodel.so");
    }

    public Path shim() {
        return directory.resolve("shim.cpp");
    }

    /** Verilator's generated C++ (kept for the native benchmark and for reading). */
    public Path verilatedDir() {
        return directory.resolve("verilated");
    }

    /** Whether the model was built with tracing (Verilator's {@code VM_TRACE = 1} in its class list). */
    public boolean traced() {
        Path mk = verilatedDir().resolve("V" + top + "_classes.mk");
        try {
            return Files.readAllLines(mk).stream().anyMatch(line -> line.strip().equals("VM_TRACE = 1"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + mk, e);
        }
    }

    /** The first 8 hex digits, as progress lines show them. */
    public String shortHash() {
        return hash.substring(0, 8);
    }
}
