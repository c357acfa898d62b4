package dev.spindle.lib.axi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A register map defined once in Java: the RTL register bank ({@link AxiLiteRegisterBank}) and the host's register
 * file are both made from it, so they cannot drift. Build with
 * {@code RegisterMap.builder().reg("STATUS", 0x44, "doc").field("busy", 0, 1, Access.RO, 0, "doc")...build()}.
 */
public record RegisterMap(String name, List<Register> registers) {
    public RegisterMap {
        registers = List.copyOf(registers);
        Map<Integer, String> offsets = new LinkedHashMap<>();
        Map<String, Integer> names = new LinkedHashMap<>();
        for (Register r : registers) {
            String other = offsets.putIfAbsent(r.offset(), r.name());
            if (other != null) throw new IllegalArgumentException("registers " + other + " and " + r.name() + " share offset 0x" + Integer.toHexString(r.offset()));
            if (names.putIfAbsent(r.name(), r.offset()) != null) throw new IllegalArgumentException("register name " + r.name() + " is used twice");
        }
    }

    public static Builder builder(String name) { return new Builder(name); }

    public Register register(String regName) {
        for (Register r : registers) if (r.name().equals(regName)) return r;
        throw new IllegalArgumentException("register map " + name + " has no register '" + regName + "'");
    }

    public RegisterField field(String regName, String fieldName) { return register(regName).field(fieldName); }

    public int offset(String regName) { return register(regName).offset(); }

    /** Bytes of address space the map needs (one past the last register, rounded to a power of two). */
    public int span() {
        int end = 4;
        for (Register r : registers) end = Math.max(end, r.offset() + 4);
        return Integer.highestOneBit(end - 1) << 1;
    }

    public static final class Builder {
        private final String name;
        private final List<Register> done = new ArrayList<>();
        private String regName;
        private int offset;
        private String doc;
        private List<RegisterField> fields;

        private Builder(String name) { this.name = name; }

        public Builder reg(String name, int offset, String doc) {
            close();
            this.regName = name;
            this.offset = offset;
            this.doc = doc;
            this.fields = new ArrayList<>();
            return this;
        }

        public Builder field(String name, int lsb, int width, Access access, long reset, String doc) {
            if (fields == null) throw new IllegalStateException("field " + name + " before any reg(...)");
            fields.add(new RegisterField(name, lsb, width, access, reset, doc));
            return this;
        }

        /** A register with one field of all 32 bits named {@code value}. */
        public Builder word(String name, int offset, Access access, long reset, String doc) {
            return reg(name, offset, doc).field("value", 0, 32, access, reset, doc);
        }

        private void close() {
            if (regName != null) done.add(new Register(regName, offset, doc, fields));
            regName = null;
        }

        public RegisterMap build() {
            close();
            return new RegisterMap(name, done);
        }
    }
}
