package dev.spindle.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that no reader ever sees it half-written: into a temporary file beside it, then an atomic
 * rename. The result is readable by everyone ({@code rw-r--r--}), like a file written directly.
 */
public final class AtomicFile {
    /** Produces the content. */
    @FunctionalInterface
    public interface Body {
        void writeTo(Writer w) throws IOException;
    }

    private AtomicFile() {}

    public static void write(Path target, String content) { write(target, w -> w.write(content)); }

    public static void write(Path target, Body body) {
        writeStream(target, out -> {
            try (Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                body.writeTo(w);
            }
        });
    }

    /** Writes {@code content} as the whole file. */
    public static void write(Path target, byte[] content) { writeStream(target, out -> out.write(content)); }

    private interface StreamBody {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    private static void writeStream(Path target, StreamBody body) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            try {
                try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp))) {
                    body.writeTo(out);
                }
                // Temporary files are created owner-only; what Spindle writes is meant for other tools and users.
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
