package dev.spindle.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** build.sh, the one command for a Vivado machine, with a fake {@code vivado} that runs the script under the stub. */
class BuildShTest {
    private record Out(int exit, String text) {}

    private static Out buildSh(Path dir, Path bin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("bash", dir.resolve("build.sh").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", (bin == null ? "" : bin + ":") + "/usr/bin:/bin");
        pb.environment().putAll(env);
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Out(p.waitFor(), text);
    }

    private static Path fakeVivado(Path dir) throws IOException {
        Path stub = Resources.copyTo(dir.resolve("fake/vivado_stub.tcl"), Resources.vivado("stub/vivado_stub.tcl"));
        Path vivado = dir.resolve("fake/vivado");
        Files.writeString(vivado, """
                #!/bin/sh
                # Stands in for vivado -mode batch ... -source SCRIPT -tclargs ARGS: runs SCRIPT under the stub.
                while [ $# -gt 0 ]; do
                  case "$1" in -source) script=$2; shift;; -tclargs) shift; break;; esac
                  shift
                done
                exec tclsh %s "$PWD/calls.jsonl" "$script" "$@"
                """.formatted(stub));
        Files.setPosixFilePermissions(vivado, PosixFilePermissions.fromString("rwxr-xr-x"));
        return vivado.getParent();
    }

    @Test
    void buildShRunsVivadoAndShowsEachStepWithItsElapsedTime(@TempDir Path tmp) throws Exception {
        Path dir = StubbedVivado.write(Board.U250, tmp.resolve("out")).dir();
        Path bin = fakeVivado(tmp);
        Out ok = buildSh(dir, bin, Map.of());
        assertEquals(0, ok.exit(), ok.text());
        assertTrue(ok.text().matches("(?s)\\[00:00:\\d\\d] spindle: create in-memory project for xcu250-figd2104-2L-e \\.\\.\\.\n.*"), ok.text());
        assertTrue(ok.text().contains("] spindle: route_design done in "), ok.text());
        assertTrue(ok.text().contains("build.sh: done in "), ok.text());
        assertTrue(Files.exists(dir.resolve("out/spindle_xdma_top.bit")));

        Out slack = buildSh(dir, bin, Map.of("SPINDLE_STUB_WNS", "-0.3"));
        assertEquals(1, slack.exit(), slack.text());
        assertTrue(slack.text().contains("spindle: negative slack (WNS -0.3 ns"), slack.text());
        assertTrue(slack.text().contains("build.sh: Vivado failed (exit 1): see reports/vivado.log"), slack.text());
        assertEquals(0, buildSh(dir, bin, Map.of("SPINDLE_STUB_WNS", "-0.3"), "--allow-negative-slack").exit());
    }

    @Test
    void withoutVivadoBuildShSaysHowToGetItAndExitsThree(@TempDir Path tmp) throws Exception {
        Path dir = StubbedVivado.write(Board.VCU118, tmp).dir();
        Out none = buildSh(dir, null, Map.of());
        assertEquals(3, none.exit(), none.text());
        assertTrue(none.text().contains("vivado not on PATH: source Vivado 2024.2's settings64.sh"), none.text());
    }
}
