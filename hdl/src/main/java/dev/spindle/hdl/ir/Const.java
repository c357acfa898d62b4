package dev.spindle.hdl.ir;

import java.math.BigInteger;

/** A literal of a given width; the value is the unsigned bit pattern. */
public final class Const extends Node {
    private final BigInteger value;

    public Const(BigInteger value, int width) {
        super(width, null);
        if (value.signum() < 0) value = value.add(BigInteger.ONE.shiftLeft(width));
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException("literal " + value + " does not fit in " + width + " bits");
        }
        this.value = value;
    }

    public BigInteger value() { return value; }
}
