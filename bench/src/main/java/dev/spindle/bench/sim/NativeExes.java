package dev.spindle.bench.sim;

import dev.spindle.sim.verilator.CacheLayout;
import dev.spindle.sim.verilator.ModelLibrary;
import dev.spindle.sim.verilator.NativeBenchmark;
import dev.spindle.sim.verilator.VerilatorBuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * The C++ benchmark executables, compiled once by {@link NativeBenchmark} with the model's own sources, shim, runtime
 * and flags, and kept in the Verilator cache as {@code <cache>/bench-<key>/bench}, where the key is the SHA-256 of
 * the model's hash (its sources, toolchain and flags) and of the loop's C++ source.
 */
final class NativeExes {
    private NativeExes() {}

    /** The executable of {@code loop} over {@code library}'s model, compiled first when the cache has none. */
    static Path ensure(ModelLibrary library, NativeBenchmark.Loop loop) {
        VerilatorBuild build = VerilatorBuild.standard();
        CacheLayout cache = build.cache();
        String source = NativeBenchmark.mainSource(library, "clk", loop);
        String key = sha256(library.hash() + "\n" + source).substring(0, 32);
        Path dir = cache.root().resolve("bench-" + key);
        Path exe = dir.resolve("bench");
        if (Files.isExecutable(exe)) return exe;
        Path temp = null;
        try {
            Files.createDirectories(cache.root());
            temp = Files.createTempDirectory(cache.root(), "tmp-bench-");
            long start = System.nanoTime();
            NativeBenchmark.compile(build, library, "clk", loop, temp.resolve("bench"));
            Files.writeString(temp.resolve("bench_main.cpp"), source);
            System.err.printf("spindle: compiled the C++ benchmark loop of %s in %.1f s%n", library.top(),
                    (System.nanoTime() - start) / 1e9);
            try {
                Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                // another run published it first: use that copy
            } catch (AtomicMoveNotSupportedException e) {
                throw new IllegalStateException("the cache directory " + cache.root() + " does not support atomic renames", e);
            }
            return exe;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the C++ benchmark of " + library.top(), e);
        } finally {
            if (temp != null) deleteTree(temp);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
