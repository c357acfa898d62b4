package dev.spindle.deploy;

import dev.spindle.tools.AtomicFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The repository's {@code scripts/vivado/}, {@code constraints/} and programming scripts, which the build
 * copies onto the class path under {@code spindle/} (flow/pom.xml), so one copy serves the repository and the jar.
 */
final class Resources {
    /** Tcl files of {@code scripts/vivado/} that go into a build directory. */
    static final List<String> VIVADO_TCL = List.of("common.tcl", "xdma.tcl", "build.tcl", "program.tcl", "flash.tcl");
    /** Shell scripts of {@code scripts/} that go into a build directory. */
    static final List<String> SHELL = List.of("fpga-program", "pcie-rescan");

    private Resources() {}

    static String text(String path) {
        String name = "/spindle/" + path;
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) throw new DeployException("missing resource " + name + " (rebuild the flow module)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String vivado(String file) { return text("vivado/" + file); }

    static String constraints(Board board) { return text("constraints/" + board.name() + ".xdc"); }

    static String shell(String file) { return text("scripts/" + file); }

    static Path copyTo(Path file, String content) {
        AtomicFile.write(file, content);
        return file;
    }
}
