package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a model's C++ is grouped into translation units, and when tracing is left out; no tools run. */
class ChunkPlanTest {

    @TempDir
    Path temp;

    private List<Path> files(String prefix, int count, long bytes) throws IOException {
        var files = new ArrayList<Path>();
        for (int i = 0; i < count; i++) {
            Path f = temp.resolve(prefix + i + ".cpp");
            try (var raf = new RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(bytes);   // sparse: only the size is read
            }
            files.add(f);
        }
        return files;
    }

    private static ModelCompiler compiler(int jobs) {
        return new ModelCompiler(null, BuildFlags.standard().withJobs(jobs));
    }

    @Test
    void smallDesignIsOneChunkAtTheFastOptimisation() throws IOException {
        var chunks = compiler(2).plan(files("f", 3, 20_000), files("s", 2, 10_000), files("shim", 1, 5_000));
        assertEquals(1, chunks.size());
        assertEquals(6, chunks.getFirst().sources().size());
        assertEquals(BuildFlags.standard().optFast(), chunks.getFirst().opt());
    }

    @Test
    void wholeNetworkIsSplitIntoChunksOfAboutAMegabyteFastAndSlowApart() throws IOException {
        List<Path> fast = files("f", 20, 500_000);   // ~10 MB, as the b-tag network's fast code
        List<Path> slow = files("s", 10, 750_000);   // ~7.5 MB of construction code
        for (int jobs : new int[] {1, 2}) {
            var chunks = compiler(jobs).plan(fast, slow, files("shim" + jobs, 1, 5_000));
            assertEquals(10 + 8, chunks.size(), "jobs " + jobs + ": " + chunks);
            for (var c : chunks) {
                assertTrue(c.bytes() <= 1_500_000, c.toString());
                assertEquals(c.kind().equals("slow") ? BuildFlags.standard().optSlow() : BuildFlags.standard().optFast(), c.opt());
            }
            assertEquals(31, chunks.stream().mapToInt(c -> c.sources().size()).sum());
            for (int i = 1; i < chunks.size(); i++) assertTrue(chunks.get(i - 1).bytes() >= chunks.get(i).bytes(), "largest first");
        }
    }

    @Test
    void bigDesignsSplitTheirFunctionsAndLeaveTracingOutUnlessWavesAreAskedFor() {
        BuildFlags standard = BuildFlags.standard();
        long big = BuildFlags.BIG_DESIGN_VERILOG_BYTES + 1;
        assertEquals(standard, standard.forDesign(big - 1, false));
        assertTrue(standard.forDesign(big, true).trace());
        assertTrue(standard.forDesign(big, true).verilatorFlags().contains("--output-split-cfuncs"));
        BuildFlags untraced = standard.forDesign(big, false);
        assertFalse(untraced.trace());
        assertFalse(untraced.verilatorFlags().contains("--trace-fst"));
        assertNotEquals(standard.modelKey(), untraced.modelKey(), "the cache key tells the two variants apart");
    }
}
