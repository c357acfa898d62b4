package dev.spindle.hdl.verilog;

import java.math.BigInteger;

/** Sized Verilog literals: {@code 1'b1}, {@code 12'd5}, {@code 32'hdeadbeef}. */
final class Literals {
    private Literals() {}

    static String of(BigInteger value, int width) {
        if (width == 1) return "1'b" + value;
        if (value.bitLength() <= 16) return width + "'d" + value;
        StringBuilder hex = new StringBuilder(value.toString(16));
        int digits = (width + 3) / 4;
        while (hex.length() < digits) hex.insert(0, '0');
        return width + "'h" + hex;
    }

    static String range(int width) { return width == 1 ? "" : "[" + (width - 1) + ":0] "; }
}
