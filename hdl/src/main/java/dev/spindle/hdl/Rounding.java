package dev.spindle.hdl;

/** How a fixed-point resize drops fraction bits. The value kept is always a multiple of the target's LSB. */
public enum Rounding {
    /** Towards minus infinity: drop the bits (two's complement truncation). Free in hardware. */
    FLOOR,
    /** To the nearest, ties towards plus infinity: add half an LSB, then floor. One incrementer. */
    ROUND_HALF_UP,
    /** To the nearest, ties to the even neighbour (no bias on average). One incrementer and an OR of the dropped bits. */
    ROUND_HALF_EVEN
}
