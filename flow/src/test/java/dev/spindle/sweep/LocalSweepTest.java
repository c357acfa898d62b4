package dev.spindle.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A local sweep end to end: result files, Pareto flags, plot, invalid points, resuming, stale results. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSweepTest {
    @TempDir static Path dir;

    private static Sweep.Summary run(ByteArrayOutputStream log) throws InterruptedException {
        return SweepFixture.counterSweep().progress(new PrintStream(log, true, StandardCharsets.UTF_8))
                .run(new LocalExecutor(2), dir);
    }

    @Test @Order(1)
    void everyPointIsMeasuredOrRecordedInvalid() throws Exception {
        var log = new ByteArrayOutputStream();
        Sweep.Summary s = run(log);
        String out = log.toString(StandardCharsets.UTF_8);
        assertEquals(6, s.results().size());
        assertEquals(2, s.count(PointResult.Status.invalid), out);
        assertEquals(4, s.count(PointResult.Status.ok), out);
        assertTrue(out.contains("[1/6] width=0 enable=true: invalid: width = 0 is out of range"), out);
        assertTrue(out.matches("(?s).*\\[2/6] width=0 enable=false: invalid: .*"), out);
        assertTrue(out.matches("(?s).*\\[3/6] width=5 enable=true: lut=\\d+ dsp=0 ff=5 (throughput=\\S+ )?mismatches=0 \\(\\d+\\.\\d s\\).*"), out);

        List<String> lines = Files.readAllLines(dir.resolve("results.jsonl"));
        assertEquals(6, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = SweepDir.JSON.readTree(lines.get(i));
            assertEquals(i, n.get("index").asInt());
            for (String key : List.of("config", "measures", "status", "error", "seconds", "pareto")) assertTrue(n.has(key), key + " in " + n);
        }
        String csv = Files.readString(dir.resolve("results.csv"));
        assertTrue(csv.startsWith("index,status,seconds,pareto,config.width,config.enable,measures.lut,measures.ff,"), csv);
        assertEquals(7, csv.lines().count());
        assertEquals(6, Files.readAllLines(dir.resolve("points.jsonl")).size());
    }

    @Test @Order(2)
    void paretoFlagsAgreeWithTheMeasures() throws Exception {
        List<PointResult> all = Results.merge(new SweepDir(dir), SweepFixture.counterSweep().spec());
        int front = 0;
        for (PointResult r : all) {
            if (r.status() != PointResult.Status.ok) { assertEquals(null, r.pareto()); continue; }
            long lut = r.measures().get("lut").longValue(), ff = r.measures().get("ff").longValue();
            boolean dominated = all.stream().filter(o -> o.status() == PointResult.Status.ok && o != r).anyMatch(o ->
                    o.measures().get("lut").longValue() <= lut && o.measures().get("ff").longValue() <= ff
                            && (o.measures().get("lut").longValue() < lut || o.measures().get("ff").longValue() < ff));
            assertEquals(!dominated, r.pareto(), "point " + r.index() + " " + r.measures());
            if (r.pareto()) front++;
        }
        assertTrue(front >= 1);
        byte[] png = Files.readAllBytes(dir.resolve("pareto.png"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        assertTrue(png.length > 5_000, "a drawn chart, not an empty image: " + png.length + " bytes");
        String svg = Files.readString(dir.resolve("pareto.svg"));
        assertTrue(svg.contains("<svg") && svg.contains("Pareto front"), "SVG with the legend");
    }

    @Test @Order(3)
    void aSecondRunReusesEveryPoint() throws Exception {
        Sweep.Summary s = run(new ByteArrayOutputStream());
        assertEquals(4, s.reused());
        assertEquals(0, s.ran());
    }

    @Test @Order(4)
    void aMissingOrStaleResultRunsAgain() throws Exception {
        Files.delete(dir.resolve("points/2.json"));
        Path stale = dir.resolve("points/3.json");
        Files.writeString(stale, Files.readString(stale).replaceFirst("\"key\":\"[0-9a-f]+\"", "\"key\":\"000000000000\""));
        Sweep.Summary s = run(new ByteArrayOutputStream());
        assertEquals(2, s.reused());
        assertEquals(2, s.ran());
        assertEquals(4, s.count(PointResult.Status.ok));
        assertFalse(Files.readString(stale).contains("000000000000"));
    }

    @Test @Order(5)
    void anotherSweepInTheSameDirectoryIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Sweep.of("counter").grid("width", "4")
                .command(PointCommand.thisJvm()).progress(new PrintStream(new ByteArrayOutputStream())).run(new LocalExecutor(1), dir));
        assertTrue(e.getMessage().contains("holds a different sweep"), e.getMessage());
        assertNotNull(e.getMessage());
    }
}
