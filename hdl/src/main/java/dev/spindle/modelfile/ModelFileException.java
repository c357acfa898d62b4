package dev.spindle.modelfile;

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
}
