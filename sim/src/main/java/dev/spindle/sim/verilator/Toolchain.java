package dev.spindle.sim.verilator;

import dev.spindle.tools.Tool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The external tools a model build needs, with the version strings that go into every cache key.
 *
 * @param verilator the {@code verilator} executable
 * @param verilatorVersion first line of {@code verilator --version}
 * @param includeDir Verilator's runtime sources and headers ({@code $VERILATOR_ROOT/include})
 * @param cxx the C++ compiler
 * @param cxxVersion first line of {@code <cxx> --version}
 */
public record Toolchain(Path verilator, String verilatorVersion, Path includeDir, Path cxx, String cxxVersion) {

    static final String NOT_FOUND = "verilator not found: run scripts/setup (apt-get install -y verilator)";

    /**
     * What {@link #detect()} found, per search path, for the life of the JVM: detection runs three processes
     * (verilator is a Perl script) and took 84 ms of the 91 ms of a cached model build, which every
     * {@code Sim.of} pays. A failure is not remembered, so installing the tools and retrying works.
     */
    private static final Map<String, Toolchain> DETECTED = new ConcurrentHashMap<>();

    /** Finds verilator and g++ on the PATH; fails with the set-up instruction when one is missing. */
    public static Toolchain detect() {
        String path = System.getenv("PATH");
        return DETECTED.computeIfAbsent(path == null ? "" : path, Toolchain::detect);
    }

    /** As {@link #detect()}, searching {@code searchPath} (a PATH value) instead of the PATH, every time. */
    static Toolchain detect(String searchPath) {
        Path verilator = Tool.onPath("verilator", searchPath)
                .orElseThrow(() -> new IllegalStateException(NOT_FOUND));
        Path cxx = Tool.onPath("g++", searchPath).orElseThrow(() -> new IllegalStateException(
                "g++ not found: run scripts/setup (apt-get install -y g++)"));
        String version = firstLine(Processes.check(null, List.of(verilator.toString(), "--version")));
        String root = firstLine(Processes.check(null, List.of(verilator.toString(), "--getenv", "VERILATOR_ROOT")));
        Path include = Path.of(root, "include");
        if (!Files.isRegularFile(include.resolve("verilated.cpp"))) {
            throw new IllegalStateException("Verilator runtime sources not found in " + include
                    + ": reinstall with scripts/setup (apt-get install -y verilator)");
        }
        String cxxVersion = firstLine(Processes.check(null, List.of(cxx.toString(), "--version")));
        return new Toolchain(verilator, version, include, cxx, cxxVersion);
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
