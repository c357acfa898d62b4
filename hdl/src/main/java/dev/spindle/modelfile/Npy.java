package dev.spindle.modelfile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code .npy} array (numpy's format, versions 1.0 to 3.0): the magic {@code \x93NUMPY}, a version, a header
 * length, a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (6, 2, 32), }} and the raw
 * data. Fortran-ordered data is reordered to C order on reading; writing always produces version 1.0, C order,
 * little-endian.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Parses {@code bytes}; errors name {@code file} and {@code array}. */
    public static NdArray read(byte[] bytes, Path file, String array) {
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw ModelFileException.array(file, array, "not a .npy array (no \\x93NUMPY magic): the file is corrupt");
        }
        int major = bytes[6] & 0xff;
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen;
        int dataStart;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xffff;
            dataStart = 10 + headerLen;
        } else if (major == 2 || major == 3) {
            if (bytes.length < 12) throw ModelFileException.array(file, array, "truncated .npy header");
            long len = buf.getInt(8) & 0xffffffffL;
            if (len > bytes.length) throw ModelFileException.array(file, array, "truncated .npy header");
            headerLen = (int) len;
            dataStart = 12 + headerLen;
        } else {
            throw ModelFileException.array(file, array, ".npy version " + major + " is not supported: allowed 1, 2, 3");
        }
        if (dataStart > bytes.length) throw ModelFileException.array(file, array, "truncated .npy header");
        String header = new String(bytes, dataStart - headerLen, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, file, array, "descr");
        boolean fortran = group(FORTRAN, header, file, array, "fortran_order").equals("True");
        int[] shape = parseShape(group(SHAPE, header, file, array, "shape"), file, array);

        ByteOrder order = switch (descr.charAt(0)) {
            case '<', '|', '=' -> ByteOrder.LITTLE_ENDIAN;
            case '>' -> ByteOrder.BIG_ENDIAN;
            default -> throw ModelFileException.array(file, array, "dtype '" + descr + "' has no byte-order mark");
        };
        DType dtype = DType.ofNpyCode(descr.substring(1));
        if (dtype == null) {
            throw ModelFileException.array(file, array, "dtype '" + descr
                    + "' is not supported: allowed float16/32/64, int8..64, uint8..64, bool");
        }
        long count = NdArray.size(shape);
        long need = count * dtype.bytes();
        if (bytes.length - dataStart < need) {
            throw ModelFileException.array(file, array, "truncated: shape " + Arrays.toString(shape) + " of " + descr
                    + " needs " + need + " data bytes, the file has " + (bytes.length - dataStart));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, dataStart, (int) need).slice().order(order);
        NdArray parsed = Elements.decode(dtype, shape, data, (int) count, file, array);
        return fortran ? Elements.fortranToC(parsed) : parsed;
    }

    /** The {@code .npy} bytes of {@code a} (version 1.0, C order, little-endian). */
    public static byte[] write(NdArray a) {
        StringBuilder shape = new StringBuilder();
        for (int d : a.shape()) shape.append(d).append(", ");
        if (a.rank() > 1) shape.setLength(shape.length() - 2);
        else if (a.rank() == 1) shape.setLength(shape.length() - 1);
        String dict = "{'descr': '" + a.dtype().npyDescr() + "', 'fortran_order': False, 'shape': (" + shape + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - unpadded) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(padded + a.size() * a.dtype().bytes());
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(Elements.encode(a));
        return out.toByteArray();
    }

    private static String group(Pattern p, String header, Path file, String array, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) throw ModelFileException.array(file, array, "corrupt .npy header (no '" + key + "'): " + header.strip());
        return m.group(1);
    }

    private static int[] parseShape(String text, Path file, String array) {
        String[] parts = text.split(",");
        int n = 0;
        int[] shape = new int[parts.length];
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            try {
                shape[n++] = Math.toIntExact(Long.parseLong(p.endsWith("L") ? p.substring(0, p.length() - 1) : p));
            } catch (NumberFormatException | ArithmeticException e) {
                throw ModelFileException.array(file, array, "corrupt .npy shape (" + text + ")");
            }
            if (shape[n - 1] < 0) throw ModelFileException.array(file, array, "corrupt .npy shape (" + text + ")");
        }
        return Arrays.copyOf(shape, n);
    }
}
