package dev.spindle.sim.verilator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where built products live: {@code <root>/<hash>/} for a model, {@code <root>/runtime-<hash>/} for the
 * Verilator runtime objects, {@code <root>/tmp-*} for builds in progress.
 *
 * <p>A product directory only ever appears by an atomic rename of a finished temporary directory, so a
 * reader that sees it sees it whole, and two processes building the same hash cannot corrupt it: the
 * second rename fails and its copy is discarded.
 */
public record CacheLayout(Path root) {

    /** Temporary directories older than this are left-overs of killed builds. */
    private static final Duration STALE = Duration.ofHours(6);

    /** {@code $SPINDLE_CACHE} if set, else {@code ~/.cache/spindle/verilator}. */
    public static CacheLayout fromEnvironment() {
        String env = System.getenv("SPINDLE_CACHE");
        Path root = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of(System.getProperty("user.home"), ".cache", "spindle", "verilator");
        return new CacheLayout(root.toAbsolutePath());
    }

    public Path modelDir(String hash) {
        return root.resolve(hash);
    }

    public Path runtimeDir(String hash) {
        return root.resolve("runtime-" + hash);
    }

    /** A fresh directory next to the products, on the same file system so the final rename is atomic. */
    Path newTempDir(String label) {
        try {
            Files.createDirectories(root);
            return Files.createTempDirectory(root, "tmp-" + label + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a build directory under " + root, e);
        }
    }

    /**
     * Renames {@code temp} to {@code target} atomically. Returns false, and deletes {@code temp}, when
     * another build published {@code target} first.
     */
    boolean publish(Path temp, Path target) {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            deleteTree(temp);
            return false;
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("the cache directory " + root + " does not support atomic renames", e);
        } catch (IOException e) {
            if (Files.isDirectory(target)) { // some file systems report a lost race as a generic error
                deleteTree(temp);
                return false;
            }
            throw new UncheckedIOException("cannot publish " + temp + " as " + target, e);
        }
    }

    /** Removes temporary directories that killed builds left behind. */
    void cleanStaleTemps() {
        if (!Files.isDirectory(root)) return;
        Instant cutoff = Instant.now().minus(STALE);
        try (Stream<Path> entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().startsWith("tmp-"))
                    .filter(p -> modifiedBefore(p, cutoff))
                    .forEach(CacheLayout::deleteTree);
        } catch (IOException e) {
            // Cleaning is best effort: a concurrent build may be deleting the same entries.
        }
    }

    private static boolean modifiedBefore(Path path, Instant cutoff) {
        try {
            FileTime time = Files.getLastModifiedTime(path);
            return time.toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: the directory may be gone already.
                }
            });
        } catch (IOException e) {
            // Best effort, as above.
        }
    }
}
