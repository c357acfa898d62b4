package dev.spindle.sweep;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Slurm executor against a real one-node cluster ({@code scripts/slurm-cluster start}, which starts munged,
 * slurmctld and slurmd unless a cluster answers already). Never skipped: without Slurm the set-up fails and says
 * what to install.
 */
class SlurmSweepTest {
    static Map<String, String> slurmEnv;

    @BeforeAll
    static void cluster() throws Exception {
        Process p = new ProcessBuilder(SweepFixture.repoRoot().resolve("scripts/slurm-cluster").toString(), "start")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "scripts/slurm-cluster start failed:\n" + out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("export SLURM_CONF="), out);
        slurmEnv = Map.of("SLURM_CONF", last.substring("export SLURM_CONF=".length()));
    }

    @Test
    void slurmGivesTheSameMeasuresAsLocal(@TempDir Path local, @TempDir Path slurm) throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        Sweep.Summary a = SweepFixture.counterSweep().progress(quiet).run(new LocalExecutor(2), local);
        var log = new ByteArrayOutputStream();
        Sweep.Summary b = SweepFixture.counterSweep().progress(new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(new SlurmExecutor(List.of(), slurmEnv), slurm);
        assertEquals(4, b.count(PointResult.Status.ok), log.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < a.results().size(); i++) {
            PointResult x = a.results().get(i), y = b.results().get(i);
            assertEquals(x.status(), y.status(), "point " + i);
            assertEquals(x.key(), y.key(), "point " + i + ": same configuration and Verilog, same key");
            assertEquals(SweepFixture.stable(x), SweepFixture.stable(y), "point " + i);
            assertEquals(x.pareto(), y.pareto(), "point " + i);
        }
        String script = Files.readString(slurm.resolve("sweep.sbatch"));
        assertTrue(script.contains("#SBATCH --job-name=spindle-sweep") && script.contains("SLURM_ARRAY_TASK_ID"), script);
    }

    @Test
    void aFailingTaskIsReportedWithItsLogAndTheOthersKept(@TempDir Path dir, @TempDir Path bin) throws Exception {
        // A point command that fails on purpose for point 3 and runs the real one otherwise.
        Path wrapper = bin.resolve("point-or-fail");
        List<String> real = PointCommand.thisJvm().prefix();
        StringBuilder sh = new StringBuilder("#!/bin/sh\nif [ \"$1\" = 3 ]; then echo 'deliberate failure of point 3' >&2; exit 3; fi\nexec");
        for (String s : real) sh.append(" '").append(s.replace("'", "'\\''")).append("'");
        sh.append(" \"$@\"\n");
        Files.writeString(wrapper, sh);
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        var log = new ByteArrayOutputStream();
        Sweep.Summary s = SweepFixture.counterSweep().command(new PointCommand(List.of(wrapper.toString())))
                .progress(new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(new SlurmExecutor(List.of(), slurmEnv), dir);
        String out = log.toString(StandardCharsets.UTF_8);
        assertEquals(1, s.count(PointResult.Status.failed), out);
        assertEquals(3, s.count(PointResult.Status.ok), out);
        PointResult failed = s.results().get(3);
        assertEquals(PointResult.Status.failed, failed.status());
        assertTrue(failed.error().contains("exited with code 3") && failed.error().contains("deliberate failure of point 3"), failed.error());
        assertTrue(out.contains("[4/6] width=5 enable=false: failed:") && out.contains("deliberate failure of point 3"), out);
        List<Integer> okIndices = new ArrayList<>();
        s.results().stream().filter(r -> r.status() == PointResult.Status.ok).forEach(r -> okIndices.add(r.index()));
        assertEquals(List.of(2, 4, 5), okIndices);
    }
}
