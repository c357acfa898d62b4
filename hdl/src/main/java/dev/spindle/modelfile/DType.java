package dev.spindle.modelfile;

import java.util.Locale;

/**
 * Element types of {@code .npy} and {@code .safetensors} arrays. Floating types are read into {@code double},
 * integer and boolean types into {@code long} (unsigned 64-bit values above 2^63 - 1 are refused).
 */
public enum DType {
    F16(2, true, "f2", "F16"), BF16(2, true, null, "BF16"), F32(4, true, "f4", "F32"), F64(8, true, "f8", "F64"),
    I8(1, false, "i1", "I8"), I16(2, false, "i2", "I16"), I32(4, false, "i4", "I32"), I64(8, false, "i8", "I64"),
    U8(1, false, "u1", "U8"), U16(2, false, "u2", "U16"), U32(4, false, "u4", "U32"), U64(8, false, "u8", "U64"),
    BOOL(1, false, "b1", "BOOL");

    private final int bytes;
    private final boolean floating;
    private final String npyCode;          // numpy's kind and size without the byte-order mark, e.g. "f4"
    private final String safetensorsName;

    DType(int bytes, boolean floating, String npyCode, String safetensorsName) {
        this.bytes = bytes;
        this.floating = floating;
        this.npyCode = npyCode;
        this.safetensorsName = safetensorsName;
    }

    public int bytes() { return bytes; }

    public boolean floating() { return floating; }

    public boolean unsigned() { return name().startsWith("U") || this == BOOL; }

    /** numpy's {@code descr} for this type, little-endian ({@code <f4}, {@code |u1}). */
    public String npyDescr() {
        if (npyCode == null) throw new IllegalArgumentException(this + " has no numpy equivalent");
        return (bytes == 1 ? "|" : "<") + npyCode;
    }

    public String safetensorsName() { return safetensorsName; }

    /** The type of a numpy code without its byte-order mark ({@code f4}), or null when unsupported. */
    static DType ofNpyCode(String code) {
        for (DType t : values()) if (code.equals(t.npyCode)) return t;
        return null;
    }

    static DType ofSafetensors(String name) {
        for (DType t : values()) if (t.safetensorsName.equals(name.toUpperCase(Locale.ROOT))) return t;
        return null;
    }
}
