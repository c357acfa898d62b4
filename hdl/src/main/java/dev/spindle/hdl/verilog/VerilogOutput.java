package dev.spindle.hdl.verilog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.spindle.tools.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emitted design: one Verilog file per module (dependencies first, top last), the manifest, and a
 * ports-only stub per black box (for linters and estimates; the real module comes from its vendor).
 */
public record VerilogOutput(String top, Map<String, String> files, Manifest manifest, Map<String, String> blackBoxStubs) {
    public static final String MANIFEST_FILE = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    public String manifestJson() {
        try {
            return JSON.writeValueAsString(manifest) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All files keyed by name, the manifest included. */
    public Map<String, String> allFiles() {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(MANIFEST_FILE, manifestJson());
        return all;
    }

    /** Feeds each Verilog file to {@code md} as its name, NUL, its text, NUL: the content hash of a design's files. */
    public static void digest(MessageDigest md, Map<String, String> files) {
        for (Map.Entry<String, String> e : files.entrySet()) {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        }
    }

    /**
     * Writes every file into {@code dir}; each is written to a temporary file and renamed, so a reader never
     * sees a half-written file. Returns the paths of the Verilog files.
     */
    public Path[] writeTo(Path dir) {
        for (Map.Entry<String, String> e : allFiles().entrySet()) AtomicFile.write(dir.resolve(e.getKey()), e.getValue());
        return files.keySet().stream().map(dir::resolve).toArray(Path[]::new);
    }
}
