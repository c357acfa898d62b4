package dev.spindle.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.spindle.sim.verilator.CacheLayout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One module's estimate kept between runs, for {@link PerModuleEstimate}: a network's units are mostly the same
 * circuits from one parallelism point, sweep point or bench run to the next, and a Yosys run of a large one takes
 * minutes. The key is the SHA-256 of everything the run reads and everything that turns its output into figures:
 * the module's Verilog, the Verilog read as black boxes (its children and the vendor stubs), the flow, family and
 * URAM choice, Yosys' version line, the scripts, and the class files of the estimator's counting code (so a change
 * to how cells are counted misses). One JSON file a key under {@code <cache root>/yosys/}, the Verilator cache's
 * root ({@code $SPINDLE_CACHE}); each appears by an atomic rename, so a reader sees it whole. A file that does not
 * parse is a miss.
 */
final class EstimateCache {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The classes whose code decides the figures; their bytes are part of every key. */
    private static final List<Class<?>> COUNTING_CODE = List.of(YosysEstimator.class, YosysScripts.class, YosysOutput.class,
            GenericCells.class, XilinxCells.class, ResourceEstimate.class);

    private final Path dir;

    EstimateCache(Path dir) { this.dir = dir; }

    /** Under the Verilator cache's root ({@code $SPINDLE_CACHE}, else {@code ~/.cache/spindle/verilator}). */
    static EstimateCache fromEnvironment() { return new EstimateCache(CacheLayout.fromEnvironment().root().resolve("yosys")); }

    /** The key of one module's run: every input named in the class comment, in a fixed order. */
    static String key(String yosysVersion, EstimateOptions options, String moduleText, List<String> blackBoxTexts) {
        MessageDigest d = sha256();
        update(d, "spindle estimate cache 1");
        update(d, yosysVersion);
        update(d, options.family() + " uram=" + options.uram() + " fast=" + options.fast());
        update(d, YosysScripts.fast() + YosysScripts.depth() + YosysScripts.synthXilinx("top", options));
        for (Class<?> c : COUNTING_CODE) update(d, classBytes(c));
        update(d, moduleText);
        for (String bb : blackBoxTexts) update(d, bb);
        return HexFormat.of().formatHex(d.digest());
    }

    /** The estimate stored under {@code key} as it was made (its module name and seconds), or null. */
    ResourceEstimate get(String key) {
        Path f = dir.resolve(key + ".json");
        if (!Files.isRegularFile(f)) return null;
        try {
            return JSON.readValue(f.toFile(), ResourceEstimate.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A stored estimate as module {@code top}'s, taking no time now. */
    static ResourceEstimate asHit(ResourceEstimate e, String top) {
        return new ResourceEstimate(e.lut(), e.ff(), e.dsp(), e.bram(), e.uram(), e.carry(), e.depth(), e.lutram(), top,
                e.family(), e.cells(), 0);
    }

    /** Stores {@code e} under {@code key}; a failure to write only loses the cache entry. */
    void put(String key, ResourceEstimate e) {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "tmp-", ".json");
            JSON.writeValue(temp.toFile(), e);
            try {
                Files.move(temp, dir.resolve(key + ".json"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException ex) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ex) {
            // the estimate itself is fine; the next run simply misses
        }
    }

    private static byte[] classBytes(Class<?> c) {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            if (in == null) throw new IllegalStateException("no class file for " + c.getName());
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
        }
    }

    private static void update(MessageDigest d, String s) { update(d, s.getBytes(StandardCharsets.UTF_8)); }

    /** Length-prefixed, so that no two sequences of inputs give the same bytes. */
    private static void update(MessageDigest d, byte[] b) {
        d.update(longBytes(b.length));
        d.update(b);
    }

    private static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) b[i] = (byte) (v >>> (56 - 8 * i));
        return b;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
