package dev.spindle.modelfile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The named arrays of one model or data file ({@code .npz} or {@code .safetensors}), with look-ups whose errors
 * name the file and the array: missing array (listing the ones present), wrong shape, NaN or Inf.
 */
public final class ArrayFile {
    private final Path path;
    private final Map<String, NdArray> arrays;

    public ArrayFile(Path path, Map<String, NdArray> arrays) {
        this.path = path;
        this.arrays = Collections.unmodifiableMap(new LinkedHashMap<>(arrays));
    }

    /** Reads {@code .npz} or {@code .safetensors}, chosen by the file name's extension. */
    public static ArrayFile read(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".npz")) return Npz.read(file);
        if (name.endsWith(".safetensors")) return Safetensors.read(file);
        throw ModelFileException.file(file, "unsupported model file type: allowed .npz, .safetensors");
    }

    public Path path() { return path; }

    public Set<String> names() { return arrays.keySet(); }

    public Map<String, NdArray> arrays() { return arrays; }

    public boolean has(String name) { return arrays.containsKey(name); }

    /** The array {@code name}; missing: an error naming the file, the array and what the file holds. */
    public NdArray array(String name) {
        NdArray a = arrays.get(name);
        if (a == null) {
            throw ModelFileException.array(path, name, "missing (the file has " + arrays.size() + " arrays"
                    + (arrays.isEmpty() ? "" : ": " + preview()) + ")");
        }
        return a;
    }

    /** The array {@code name}, which must have exactly {@code shape}. */
    public NdArray array(String name, int... shape) {
        NdArray a = array(name);
        if (!Arrays.equals(a.shape(), shape)) {
            throw ModelFileException.array(path, name, "wrong shape " + Arrays.toString(a.shape()) + ": expected "
                    + Arrays.toString(shape));
        }
        return a;
    }

    /** The values of array {@code name} of {@code shape} as doubles, every one finite (no NaN or Inf). */
    public double[] finite(String name, int... shape) {
        double[] v = array(name, shape).doubles();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw ModelFileException.array(path, name, "element " + i + " is " + v[i] + ": weights must be finite");
            }
        }
        return v;
    }

    private String preview() {
        var names = arrays.keySet().stream().limit(8).toList();
        return String.join(", ", names) + (arrays.size() > 8 ? ", ..." : "");
    }
}
