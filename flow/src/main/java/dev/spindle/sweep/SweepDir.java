package dev.spindle.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.tools.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sweep's directory, the only state a sweep has (so a local run, a resumed run and Slurm tasks on other nodes all
 * work from it):
 * <pre>
 * sweep.json          the frozen {@link SweepSpec}
 * points.jsonl        the frozen grid: line K is point K, {"index":K,"config":{...}}
 * points/K.json       point K's {@link PointResult}, written atomically when the point ends
 * logs/point-K.log    point K's output (its Verilator, Yosys and testbench lines)
 * results.jsonl       every point's result, merged, one object a line in point order
 * results.csv         the same, flattened: index,status,seconds,pareto,config.*,measures.*,error
 * pareto.png/.svg     the plot
 * status/point-K.status  (Slurm only) the exit code of K's task
 * </pre>
 */
public final class SweepDir {
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public SweepDir(Path root) { this.root = root.toAbsolutePath().normalize(); }

    public Path root() { return root; }
    public Path specFile() { return root.resolve("sweep.json"); }
    public Path pointsFile() { return root.resolve("points.jsonl"); }
    public Path resultFile(int index) { return root.resolve("points").resolve(index + ".json"); }
    public Path logFile(int index) { return root.resolve("logs").resolve("point-" + index + ".log"); }
    /** Slurm executor only: the exit code its task script leaves for point {@code index}. */
    public Path statusFile(int index) { return root.resolve("status").resolve("point-" + index + ".status"); }
    public Path resultsJsonl() { return root.resolve("results.jsonl"); }
    public Path resultsCsv() { return root.resolve("results.csv"); }

    /**
     * Freezes the spec and the grid on the first run; on a later run the directory must hold the same sweep (else
     * it is refused, rather than mixing two sweeps' results).
     */
    public void freeze(SweepSpec spec) {
        String specText = specJson(spec).toPrettyString() + "\n";
        StringBuilder points = new StringBuilder();
        for (SweepPoint p : spec.points()) points.append(pointJson(p)).append('\n');
        try {
            Files.createDirectories(root.resolve("points"));
            Files.createDirectories(root.resolve("logs"));
            if (Files.exists(pointsFile())) {
                if (!Files.readString(pointsFile()).contentEquals(points) || !Files.readString(specFile()).equals(specText))
                    throw new IllegalArgumentException(root + " holds a different sweep (its sweep.json or points.jsonl "
                            + "differ from this one's): use another -o DIR, or delete it to start again");
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare sweep directory " + root + ": " + e.getMessage(), e);
        }
        AtomicFile.write(specFile(), specText);
        AtomicFile.write(pointsFile(), points.toString());
    }

    public SweepSpec spec() {
        try {
            return specOf(JSON.readTree(specFile().toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + specFile() + " (is " + root + " a sweep directory?): " + e.getMessage(), e);
        }
    }

    /** Point {@code index} as frozen in {@code points.jsonl}. */
    public SweepPoint point(int index) {
        List<String> lines;
        try {
            lines = Files.readAllLines(pointsFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + pointsFile() + ": " + e.getMessage(), e);
        }
        if (index < 0 || index >= lines.size())
            throw new IllegalArgumentException("--point " + index + " is out of range: " + pointsFile() + " has points 0.." + (lines.size() - 1));
        try {
            JsonNode n = JSON.readTree(lines.get(index));
            return new SweepPoint(n.get("index").asInt(), stringMap(n.get("config")));
        } catch (IOException e) {
            throw new UncheckedIOException(pointsFile() + " line " + (index + 1) + ": " + e.getMessage(), e);
        }
    }

    public void writeResult(PointResult r) { AtomicFile.write(resultFile(r.index()), resultJson(r).toString() + "\n"); }

    /** Point {@code index}'s stored result, if it has one that can be read. */
    public Optional<PointResult> result(int index) {
        Path f = resultFile(index);
        if (!Files.exists(f)) return Optional.empty();
        try {
            return Optional.of(resultOf(JSON.readTree(f.toFile())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // a torn or foreign file counts as not done: the point runs again
        }
    }

    static ObjectNode specJson(SweepSpec s) {
        ObjectNode o = JSON.createObjectNode();
        o.put("design", s.design());
        ObjectNode grid = o.putObject("grid");
        s.grid().axes().forEach((k, v) -> { ArrayNode a = grid.putArray(k); v.forEach(a::add); });
        ObjectNode set = o.putObject("settings");
        s.settings().forEach(set::put);
        ArrayNode m = o.putArray("measures");
        s.measures().stream().sorted().forEach(m::add);
        o.put("x", s.x());
        o.put("y", s.y());
        o.put("seed", s.seed());
        return o;
    }

    static SweepSpec specOf(JsonNode n) {
        var axes = new LinkedHashMap<String, List<String>>();
        n.get("grid").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            axes.put(e.getKey(), values);
        });
        var measures = new LinkedHashSet<String>();
        n.get("measures").forEach(v -> measures.add(v.asText()));
        return new SweepSpec(n.get("design").asText(), new Grid(axes), stringMap(n.get("settings")), measures,
                n.get("x").asText(), n.get("y").asText(), n.get("seed").asLong());
    }

    static String pointJson(SweepPoint p) {
        ObjectNode o = JSON.createObjectNode();
        o.put("index", p.index());
        ObjectNode c = o.putObject("config");
        p.settings().forEach(c::put);
        return o.toString();
    }

    /** The documented result object: index, key, config, measures, units, status, error, seconds, pareto. */
    static ObjectNode resultJson(PointResult r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("index", r.index());
        o.put("key", r.key());
        ObjectNode c = o.putObject("config");
        r.config().forEach(c::put);
        ObjectNode m = o.putObject("measures");
        r.measures().forEach((k, v) -> {
            if (v instanceof Double || v instanceof Float) m.put(k, v.doubleValue());
            else m.put(k, v.longValue());
        });
        ObjectNode u = o.putObject("units");
        r.units().forEach(u::put);
        o.put("status", r.status().name());
        if (r.error() == null) o.putNull("error"); else o.put("error", r.error());
        o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
        if (r.pareto() == null) o.putNull("pareto"); else o.put("pareto", r.pareto());
        return o;
    }

    static PointResult resultOf(JsonNode n) {
        var measures = new LinkedHashMap<String, Number>();
        n.get("measures").properties().forEach(e -> measures.put(e.getKey(),
                e.getValue().isIntegralNumber() ? (Number) e.getValue().asLong() : (Number) e.getValue().asDouble()));
        JsonNode pareto = n.get("pareto");
        JsonNode error = n.get("error");
        return new PointResult(n.get("index").asInt(), n.get("key").asText(), stringMap(n.get("config")), measures,
                n.has("units") ? stringMap(n.get("units")) : Map.of(),
                PointResult.Status.valueOf(n.get("status").asText()), error == null || error.isNull() ? null : error.asText(),
                n.get("seconds").asDouble(), pareto == null || pareto.isNull() ? null : pareto.asBoolean());
    }

    private static Map<String, String> stringMap(JsonNode n) {
        var m = new LinkedHashMap<String, String>();
        if (n != null) n.properties().forEach(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
