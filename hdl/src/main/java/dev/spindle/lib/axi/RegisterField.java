package dev.spindle.lib.axi;

import dev.spindle.hdl.Require;

/** A field of a 32-bit register: bits {@code lsb .. lsb+width-1}, its access, reset value and documentation. */
public record RegisterField(String name, int lsb, int width, Access access, long reset, String doc) {
    public RegisterField {
        Require.nonNull("name", name);
        Require.nonNull("access", access);
        Require.range("field " + name + " lsb", lsb, 0, 31);
        Require.range("field " + name + " width", width, 1, 32 - lsb);
        if (width < 64 && (reset >>> width) != 0) {
            throw new IllegalArgumentException("field " + name + " reset = " + reset + " does not fit its " + width + " bits");
        }
        if (access == Access.PULSE && reset != 0) throw new IllegalArgumentException("field " + name + ": a PULSE field has no reset value (got " + reset + ")");
    }

    public long mask() { return ((1L << width) - 1) << lsb; }

    /** This field's value in a register word read from the device. */
    public long extract(int word) { return (Integer.toUnsignedLong(word) >>> lsb) & ((1L << width) - 1); }

    /** {@code value} placed in this field's bits of a register word. */
    public int insert(long value) {
        if (width < 64 && (value >>> width) != 0) throw new IllegalArgumentException("field " + name + " = " + value + " does not fit " + width + " bits");
        return (int) (value << lsb);
    }
}
