package dev.spindle.hdl;

/** What a fixed-point resize does with a value outside the target's range. */
public enum Overflow {
    /** Keep the low bits (modulo 2^width, as two's complement hardware does). Free in hardware. */
    WRAP,
    /** Clamp to the nearest representable value (a negative value becomes 0 in an unsigned format). */
    SATURATE
}
