package dev.spindle.modelfile;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A model file that cannot be used: the one-line message names the file and, where there is one, the array. */
public final class ModelFileException extends RuntimeException {
    public ModelFileException(String message) { super(message); }

    public ModelFileException(String message, Throwable cause) { super(message, cause); }

    /** {@code <file>: array '<name>': <problem>}. */
    public static ModelFileException array(Path file, String array, String problem) {
        return new ModelFileException(file + ": array '" + array + "': " + problem);
    }

    /** {@code <file>: <problem>}. */
    public static ModelFileException file(Path file, String problem) {
        return new ModelFileException(file + ": " + problem);
    }

    /** A whole-file read such as {@code Files::readAllBytes} or {@code Files::readString}. */
    @FunctionalInterface
    public interface FileRead<T> {
        T read(Path file) throws IOException;
    }

    /** {@code read} of {@code file}, a missing or unreadable file reported as {@code <file>: no such file} or {@code <file>: cannot be read: <why>}. */
    public static <T> T reading(Path file, FileRead<T> read) {
        try {
            return read.read(file);
        } catch (NoSuchFileException e) {
            throw file(file, "no such file");
        } catch (IOException e) {
            throw file(file, "cannot be read: " + e.getMessage());
        }
    }
}
