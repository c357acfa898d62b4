package dev.spindle.modelfile;

import java.util.Locale;

/**
 * Element types of {@code .npy} and {@code .safetensors} arrays. Floating types are read into {@code double},
 * integer and boolean types into {@code long} (unsigned 64-bit values above 2^63 - 1 are refused). Each constant is
 * its safetensors name; its numpy code is its kind letter and size ({@code f4}), so neither is written twice.
 */
public enum DType {
    F16(2, 'f'), BF16(2, 'f'), F32(4, 'f'), F64(8, 'f'),
    I8(1, 'i'), I16(2, 'i'), I32(4, 'i'), I64(8, 'i'),
    U8(1, 'u'), U16(2, 'u'), U32(4, 'u'), U64(8, 'u'),
    BOOL(1, 'b');

    private final int bytes;
    private final char kind;               // numpy's kind letter: f(loat), i(nt), u(nsigned int), b(ool)

    DType(int bytes, char kind) {
        this.bytes = bytes;
        this.kind = kind;
    }

    public int bytes() { return bytes; }

    public boolean floating() { return kind == 'f'; }

    public boolean unsigned() { return kind == 'u' || kind == 'b'; }

    /** numpy's {@code descr} for this type, little-endian ({@code <f4}, {@code |u1}). */
    public String npyDescr() {
        String code = npyCode();
        if (code == null) throw new IllegalArgumentException(this + " has no numpy equivalent");
        return (bytes == 1 ? "|" : "<") + code;
    }

    /** The safetensors {@code dtype}: the constant's name ({@code F32}, {@code BF16}, {@code BOOL}). */
    public String safetensorsName() { return name(); }

    /** numpy's kind and size without the byte-order mark ({@code f4}); null for BF16, which numpy lacks. */
    private String npyCode() { return this == BF16 ? null : "" + kind + bytes; }

    /** The type of a numpy code without its byte-order mark ({@code f4}), or null when unsupported. */
    static DType ofNpyCode(String code) {
        for (DType t : values()) if (code.equals(t.npyCode())) return t;
        return null;
    }

    static DType ofSafetensors(String name) {
        for (DType t : values()) if (t.name().equals(name.toUpperCase(Locale.ROOT))) return t;
        return null;
    }
}
