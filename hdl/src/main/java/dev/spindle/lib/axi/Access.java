package dev.spindle.lib.axi;

/** How software and hardware reach a register field. */
public enum Access {
    /** Software reads and writes (byte strobes honoured); hardware reads the value. */
    RW,
    /** Software reads what hardware drives; writes are ignored. */
    RO,
    /** Software reads a constant (the field's reset value); writes are ignored. */
    CONST,
    /** Hardware sets bits, software clears them by writing 1 (write-one-to-clear). */
    W1C,
    /** A write of 1 gives hardware a one-cycle pulse; reads return 0. */
    PULSE
}
