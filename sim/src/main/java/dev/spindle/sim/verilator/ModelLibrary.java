package dev.spindle.sim.verilator;

import java.nio.file.Path;
import java.util.List;

/**
 * A built model in the cache: {@code <cache>/<hash>/} holding {@code libmodel.so}, the {@code shim.cpp}
 * it was built with, Verilator's C++ output under {@code verilated/}, and {@code key.txt} describing
 * what went into the hash.
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

    /** The first 8 hex digits, as progress lines show them. */
    public String shortHash() {
        return hash.substring(0, 8);
    }
}
