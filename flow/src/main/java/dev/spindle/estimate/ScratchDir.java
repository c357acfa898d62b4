package dev.spindle.estimate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The scratch directory an estimate writes the design into, deleted when it closes. */
record ScratchDir(Path path) implements AutoCloseable {
    static ScratchDir create() {
        try {
            return new ScratchDir(Files.createTempDirectory("spindle-estimate-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch directory for the estimate: " + e.getMessage(), e);
        }
    }

    @Override public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch directory left in /tmp is harmless
        }
    }
}
