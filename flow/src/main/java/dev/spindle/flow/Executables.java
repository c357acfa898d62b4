package dev.spindle.flow;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the external tools the flow runs (yosys, tclsh, vivado) the way a shell would: first match on PATH. */
public final class Executables {
    private Executables() {}

    /** The first executable file called {@code name} in a directory of {@code pathVariable}. */
    public static Optional<Path> find(String name, String pathVariable) {
        if (pathVariable == null) return Optional.empty();
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    /** The same on this process's PATH. */
    public static Optional<Path> find(String name) { return find(name, System.getenv("PATH")); }
}
