package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheTest {

    @TempDir
    Path temp;

    @Test
    void secondBuildIsAFastCacheHitOnTheSameLibrary() {
        var lines = Collections.synchronizedList(new ArrayList<String>());
        VerilatorBuild build = TestModels.isolatedBuild(temp.resolve("cache"), lines::add);
        Path design = TestModels.uniqueCopy("counter", temp);

        ModelLibrary first = build.build(design, "Counter", TestModels.COUNTER);
        assertFalse(first.cacheHit());
        assertTrue(Files.isRegularFile(first.library()));
        assertTrue(lines.stream().anyMatch(l -> l.matches("spindle: verilator build Counter \\(hash "
                + first.shortHash() + "\\) done in [0-9.]+ s.*")), lines.toString());

        long start = System.nanoTime();
        ModelLibrary second = build.build(design, "Counter", TestModels.COUNTER);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(second.cacheHit());
        assertEquals(first.library(), second.library());
        assertTrue(seconds < 1.0, "a cache hit took " + seconds + " s");
        assertEquals("spindle: verilator cache hit Counter (hash " + first.shortHash() + ")", lines.getLast());
        try (var model = NativeModel.open(second)) {
            model.port("io_enable").set(1);
            model.cycles(3);
            assertEquals(3, model.port("io_value").get());
        }
    }

    @Test
    void theKeyCoversContentTopAndPortsButNotTheDirectory() throws IOException {
        VerilatorBuild build = TestModels.isolatedBuild(temp.resolve("cache"), line -> {});
        Path a = TestModels.uniqueCopy("counter", temp);
        Path b = Files.createDirectories(temp.resolve("elsewhere"));
        try (var files = Files.list(a)) {
            for (Path f : files.toList()) Files.copy(f, b.resolve(f.getFileName()));
        }
        ModelLibrary first = build.build(a, "Counter", TestModels.COUNTER);
        ModelLibrary moved = build.build(b, "Counter", TestModels.COUNTER);
        assertTrue(moved.cacheHit(), "the same files in another directory hit the cache");
        assertEquals(first.hash(), moved.hash());

        Files.writeString(b.resolve("Counter.v"), Files.readString(b.resolve("Counter.v")) + "// changed\n");
        ModelLibrary changed = build.build(b, "Counter", TestModels.COUNTER);
        assertFalse(changed.cacheHit());
        assertNotEquals(first.hash(), changed.hash());
        assertTrue(Files.readString(changed.directory().resolve("key.txt")).contains("file Counter.v: sha256 "));
    }

    @Test
    void concurrentBuildsOfOneModelBothSucceedAndLeaveOneLibrary() throws Exception {
        Path root = temp.resolve("cache");
        var lines = Collections.synchronizedList(new ArrayList<String>());
        VerilatorBuild build = TestModels.isolatedBuild(root, lines::add);
        Path design = TestModels.uniqueCopy("counter", temp);
        var barrier = new CyclicBarrier(2);
        List<ModelLibrary> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            var futures = new ArrayList<Future<ModelLibrary>>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await();
                    return build.build(design, "Counter", TestModels.COUNTER);
                }));
            }
            for (Future<ModelLibrary> f : futures) results.add(f.get());
        }
        assertEquals(results.get(0).library(), results.get(1).library());
        try (Stream<Path> entries = Files.list(root)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(1, names.stream().filter(n -> n.equals(results.getFirst().hash())).count(), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.startsWith("tmp-")), "temporary directories left: " + names);
        }
        for (ModelLibrary library : results) {
            try (var model = NativeModel.open(library)) {
                model.port("io_enable").set(1);
                model.cycle();
                assertEquals(1, model.port("io_value").get());
            }
        }
    }
}
