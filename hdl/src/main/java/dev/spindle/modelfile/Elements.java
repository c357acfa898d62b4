package dev.spindle.modelfile;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/** Raw element bytes to and from {@link NdArray}s, shared by the {@code .npy} and {@code .safetensors} codecs. */
final class Elements {
    private Elements() {}

    static NdArray decode(DType t, int[] shape, ByteBuffer data, int count, Path file, String array) {
        if (t.floating()) {
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                v[i] = switch (t) {
                    case F16 -> Float.float16ToFloat(data.getShort());
                    case BF16 -> Float.intBitsToFloat((data.getShort() & 0xffff) << 16);
                    case F32 -> data.getFloat();
                    default -> data.getDouble();
                };
            }
            return NdArray.wrap(t, shape, v, null);
        }
        long[] v = new long[count];
        for (int i = 0; i < count; i++) {
            v[i] = switch (t) {
                case I8 -> data.get();
                case U8, BOOL -> data.get() & 0xff;
                case I16 -> data.getShort();
                case U16 -> data.getShort() & 0xffff;
                case I32 -> data.getInt();
                case U32 -> data.getInt() & 0xffffffffL;
                default -> data.getLong();
            };
            if (t == DType.U64 && v[i] < 0) {
                throw ModelFileException.array(file, array, "uint64 element " + i + " exceeds 2^63 - 1");
            }
        }
        return NdArray.wrap(t, shape, null, v);
    }

    static byte[] encode(NdArray a) {
        DType t = a.dtype();
        ByteBuffer out = ByteBuffer.allocate(a.size() * t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        if (t.floating()) {
            for (double d : a.doubles()) {
                switch (t) {
                    case F16 -> out.putShort(Float.floatToFloat16((float) d));
                    case BF16 -> out.putShort((short) (Float.floatToIntBits((float) d) >>> 16));
                    case F32 -> out.putFloat((float) d);
                    default -> out.putDouble(d);
                }
            }
        } else {
            for (long v : a.longs()) {
                switch (t.bytes()) {
                    case 1 -> out.put((byte) v);
                    case 2 -> out.putShort((short) v);
                    case 4 -> out.putInt((int) v);
                    default -> out.putLong(v);
                }
            }
        }
        return out.array();
    }

    /** Reorders Fortran-order (column-major) data into C order. */
    static NdArray fortranToC(NdArray f) {
        int[] shape = f.shape();
        int n = f.size();
        int[] idx = new int[shape.length];
        double[] d = f.dtype().floating() ? new double[n] : null;
        long[] l = d == null ? new long[n] : null;
        double[] fd = d != null ? f.doubles() : null;
        long[] fl = l != null ? f.longs() : null;
        for (int c = 0; c < n; c++) {
            int fIndex = 0;
            for (int k = shape.length - 1; k >= 0; k--) fIndex = fIndex * shape[k] + idx[k];
            if (d != null) d[c] = fd[fIndex];
            else l[c] = fl[fIndex];
            for (int k = shape.length - 1; k >= 0; k--) {      // next C-order index
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        return NdArray.wrap(f.dtype(), shape, d, l);
    }
}
