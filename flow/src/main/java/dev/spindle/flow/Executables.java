package dev.spindle.flow;

import dev.spindle.tools.Tool;

import java.nio.file.Path;
import java.util.Optional;

/** Finds the external tools the flow runs (yosys, tclsh, vivado) the way a shell would: first match on PATH. */
public final class Executables {
    private Executables() {}

    /** The first executable file called {@code name} in a directory of {@code pathVariable}. */
    public static Optional<Path> find(String name, String pathVariable) { return Tool.onPath(name, pathVariable); }

    /** The same on this process's PATH. */
    public static Optional<Path> find(String name) { return find(name, System.getenv("PATH")); }
}
