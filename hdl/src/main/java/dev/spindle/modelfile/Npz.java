package dev.spindle.modelfile;

import dev.spindle.tools.AtomicFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * numpy's {@code .npz}: a zip archive (stored or deflated) of {@code .npy} files, one per array, named
 * {@code <array>.npy}. {@link #write} writes deflated entries atomically (a reader never sees half a file).
 */
public final class Npz {
    private Npz() {}

    public static ArrayFile read(Path file) {
        if (!Files.isRegularFile(file)) throw ModelFileException.file(file, "no such file");
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) continue;
                String name = e.getName().endsWith(".npy") ? e.getName().substring(0, e.getName().length() - 4) : e.getName();
                byte[] bytes;
                try (InputStream in = zip.getInputStream(e)) {
                    bytes = in.readAllBytes();
                } catch (ZipException | java.io.EOFException ex) {
                    throw ModelFileException.array(file, name, "truncated or corrupt zip entry (" + ex.getMessage() + ")");
                }
                arrays.put(name, Npy.read(bytes, file, name));
            }
        } catch (NoSuchFileException ex) {
            throw ModelFileException.file(file, "no such file");
        } catch (ZipException ex) {
            throw ModelFileException.file(file, "truncated or corrupt .npz (not a readable zip archive: " + ex.getMessage() + ")");
        } catch (IOException ex) {
            throw ModelFileException.file(file, "cannot be read: " + ex.getMessage());
        }
        return new ArrayFile(file, arrays);
    }

    /** Writes {@code arrays} (in the map's order) to {@code file}, replacing it atomically. */
    public static void write(Path file, Map<String, NdArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Npy.write(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        AtomicFile.write(file, bytes.toByteArray());
    }
}
