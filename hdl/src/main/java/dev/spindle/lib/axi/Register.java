package dev.spindle.lib.axi;

import java.util.List;

/** A 32-bit register at a byte offset (a multiple of 4) with its fields. */
public record Register(String name, int offset, String doc, List<RegisterField> fields) {
    public Register {
        fields = List.copyOf(fields);
        if (offset < 0 || offset % 4 != 0) throw new IllegalArgumentException("register " + name + " offset = 0x" + Integer.toHexString(offset) + ": must be a non-negative multiple of 4");
        long used = 0;
        for (RegisterField f : fields) {
            if ((used & f.mask()) != 0) throw new IllegalArgumentException("register " + name + ": field " + f.name() + " overlaps another field");
            used |= f.mask();
        }
    }

    public RegisterField field(String fieldName) {
        for (RegisterField f : fields) if (f.name().equals(fieldName)) return f;
        throw new IllegalArgumentException("register " + name + " has no field '" + fieldName + "': it has " + fields.stream().map(RegisterField::name).toList());
    }

    /** The word read after reset: constants and reset values in place. */
    public int resetWord() {
        int w = 0;
        for (RegisterField f : fields) if (f.access() != Access.PULSE && f.access() != Access.RO) w |= f.insert(f.reset());
        return w;
    }
}
