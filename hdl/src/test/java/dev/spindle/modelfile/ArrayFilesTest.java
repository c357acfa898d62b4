package dev.spindle.modelfile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.*;

class ArrayFilesTest {
    @TempDir Path dir;

    private static Map<String, NdArray> sample() {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("w", NdArray.ofDoubles(DType.F32, new int[] {2, 3}, new double[] {1, -2.5, 3, 0.125, -0.0, 7}));
        m.put("probs", NdArray.of(new int[] {2}, 0.1, 0.9));
        m.put("latency_cycles", NdArray.of(new int[] {3}, 5L, -7L, 1L << 40));
        m.put("small", NdArray.ofLongs(DType.I8, new int[] {2}, new long[] {-128, 127}));
        m.put("scalar", NdArray.of(new int[] {}, 42.0));
        return m;
    }

    @Test void npzRoundTripKeepsTypesShapesAndValues() {
        Path f = dir.resolve("a.npz");
        Npz.write(f, sample());
        assertSame(sample(), ArrayFile.read(f));
    }

    @Test void safetensorsRoundTripKeepsTypesShapesAndValues() {
        Path f = dir.resolve("a.safetensors");
        Safetensors.write(f, sample());
        assertSame(sample(), ArrayFile.read(f));
    }

    @Test void halfPrecisionSafetensorsAreWidenedExactly() {
        Path f = dir.resolve("h.safetensors");
        Safetensors.write(f, Map.of("h", NdArray.ofDoubles(DType.F16, new int[] {3}, new double[] {0.5, -1.25, 1024}),
                "b", NdArray.ofDoubles(DType.BF16, new int[] {1}, new double[] {-3.0})));
        ArrayFile a = ArrayFile.read(f);
        assertArrayEquals(new double[] {0.5, -1.25, 1024}, a.array("h").doubles());
        assertArrayEquals(new double[] {-3.0}, a.array("b").doubles());
    }

    @Test void fortranOrderAndVersion2HeadersAreRead() throws Exception {
        // column-major 2x3 [[1,2,3],[4,5,6]] is stored 1,4,2,5,3,6; big-endian int32; header version 2.0
        ByteBuffer data = ByteBuffer.allocate(24).order(ByteOrder.BIG_ENDIAN);
        for (int v : new int[] {1, 4, 2, 5, 3, 6}) data.putInt(v);
        byte[] npy = npy(2, "{'descr': '>i4', 'fortran_order': True, 'shape': (2, 3), }", data.array());
        Path f = zip("f.npz", "m.npy", npy);
        NdArray m = ArrayFile.read(f).array("m", 2, 3);
        assertEquals(DType.I32, m.dtype());
        assertArrayEquals(new long[] {1, 2, 3, 4, 5, 6}, m.longs());
    }

    @Test void missingArrayNamesFileArrayAndContents() {
        Path f = dir.resolve("a.npz");
        Npz.write(f, sample());
        var e = assertThrows(ModelFileException.class, () -> ArrayFile.read(f).array("head.dense0.kernel"));
        assertEquals(f + ": array 'head.dense0.kernel': missing (the file has 5 arrays: w, probs, latency_cycles, small, scalar)",
                e.getMessage());
    }

    @Test void wrongShapeNamesExpectedShape() {
        Path f = dir.resolve("a.npz");
        Npz.write(f, sample());
        var e = assertThrows(ModelFileException.class, () -> ArrayFile.read(f).array("w", 3, 2));
        assertEquals(f + ": array 'w': wrong shape [2, 3]: expected [3, 2]", e.getMessage());
    }

    @Test void nanAndInfAreRefused() {
        Path f = dir.resolve("n.npz");
        Npz.write(f, Map.of("k", NdArray.of(new int[] {3}, 1.0, Double.NaN, 2.0),
                "i", NdArray.of(new int[] {1}, Double.NEGATIVE_INFINITY)));
        ArrayFile a = ArrayFile.read(f);
        assertEquals(f + ": array 'k': element 1 is NaN: weights must be finite",
                assertThrows(ModelFileException.class, () -> a.finite("k", 3)).getMessage());
        assertEquals(f + ": array 'i': element 0 is -Infinity: weights must be finite",
                assertThrows(ModelFileException.class, () -> a.finite("i", 1)).getMessage());
    }

    @Test void truncatedNpzIsRefused() throws Exception {
        Path f = dir.resolve("a.npz");
        Npz.write(f, sample());
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        var e = assertThrows(ModelFileException.class, () -> ArrayFile.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": truncated or corrupt"), e.getMessage());
    }

    @Test void truncatedArrayDataIsRefusedWithItsName() throws Exception {
        byte[] npy = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4,), }", new byte[16]);
        Path f = zip("t.npz", "x.npy", npy);
        var e = assertThrows(ModelFileException.class, () -> ArrayFile.read(f));
        assertEquals(f + ": array 'x': truncated: shape [4] of <f8 needs 32 data bytes, the file has 16", e.getMessage());
    }

    @Test void corruptEntriesAndUnsupportedTypesAreRefused() throws Exception {
        Path notNpy = zip("c.npz", "x.npy", "hello".getBytes(StandardCharsets.US_ASCII));
        assertEquals(notNpy + ": array 'x': not a .npy array (no \\x93NUMPY magic): the file is corrupt",
                assertThrows(ModelFileException.class, () -> ArrayFile.read(notNpy)).getMessage());
        Path complex = zip("z.npz", "x.npy", npy(1, "{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        assertTrue(assertThrows(ModelFileException.class, () -> ArrayFile.read(complex)).getMessage()
                .startsWith(complex + ": array 'x': dtype '<c8' is not supported"));
        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "not a zip at all");
        assertTrue(assertThrows(ModelFileException.class, () -> ArrayFile.read(junk)).getMessage()
                .startsWith(junk + ": truncated or corrupt .npz"));
        Path other = dir.resolve("w.h5");
        Files.writeString(other, "x");
        assertEquals(other + ": unsupported model file type: allowed .npz, .safetensors",
                assertThrows(ModelFileException.class, () -> ArrayFile.read(other)).getMessage());
        assertEquals(dir.resolve("none.npz") + ": no such file",
                assertThrows(ModelFileException.class, () -> ArrayFile.read(dir.resolve("none.npz"))).getMessage());
    }

    @Test void truncatedAndCorruptSafetensorsAreRefused() throws Exception {
        Path f = dir.resolve("a.safetensors");
        Safetensors.write(f, sample());
        byte[] all = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(all, all.length - 4));
        var e = assertThrows(ModelFileException.class, () -> ArrayFile.read(cut));
        assertTrue(e.getMessage().startsWith(cut + ": array '"), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        Path bad = dir.resolve("bad.safetensors");
        byte[] json = "{not json".getBytes(StandardCharsets.UTF_8);
        Files.write(bad, ByteBuffer.allocate(8 + json.length).order(ByteOrder.LITTLE_ENDIAN).putLong(json.length).put(json).array());
        assertTrue(assertThrows(ModelFileException.class, () -> ArrayFile.read(bad)).getMessage()
                .startsWith(bad + ": corrupt .safetensors header"));
        Path tiny = dir.resolve("tiny.safetensors");
        Files.write(tiny, new byte[] {1, 2});
        assertEquals(tiny + ": truncated .safetensors (2 bytes, no header)",
                assertThrows(ModelFileException.class, () -> ArrayFile.read(tiny)).getMessage());
    }

    private static void assertSame(Map<String, NdArray> expected, ArrayFile actual) {
        assertEquals(expected.keySet(), actual.names());
        for (var e : expected.entrySet()) {
            NdArray a = actual.array(e.getKey());
            assertEquals(e.getValue().dtype(), a.dtype(), e.getKey());
            assertArrayEquals(e.getValue().shape(), a.shape(), e.getKey());
            if (a.dtype().floating()) {
                double[] want = e.getValue().doubles();
                double[] got = a.doubles();
                for (int i = 0; i < want.length; i++) assertEquals(Double.doubleToLongBits(want[i]), Double.doubleToLongBits(got[i]), e.getKey());
            } else {
                assertArrayEquals(e.getValue().longs(), a.longs(), e.getKey());
            }
        }
    }

    private static byte[] npy(int major, String dict, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        byte[] h = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        if (major == 1) {
            out.write(h.length & 0xff);
            out.write(h.length >>> 8);
        } else {
            out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(h.length).array());
        }
        out.writeBytes(h);
        out.writeBytes(data);
        return out.toByteArray();
    }

    private Path zip(String file, String entry, byte[] content) throws Exception {
        Path f = dir.resolve(file);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry(entry));
            z.write(content);
            z.closeEntry();
        }
        return f;
    }
}
