package dev.spindle.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes a build directory for the fixture and runs one of its Tcl scripts under tclsh with Vivado stubbed. */
final class StubbedVivado {
    private StubbedVivado() {}

    static BuildDirectory.Layout write(Board board, Path dir) {
        var accel = AcceleratorFixture.of(board.dataWidth(), 16);
        return BuildDirectory.write(dir, board, accel, AcceleratorPorts.check(accel.manifest(), "fixture"));
    }

    static Tclsh.Run run(Path dir, String script, List<String> args, Map<String, String> env) {
        Path stub = Resources.copyTo(dir.resolve("stub/vivado_stub.tcl"), Resources.vivado("stub/vivado_stub.tcl"));
        return Tclsh.onPath().stubbed(stub, dir, dir.resolve(script), args, env);
    }
}
