package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Data;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The ports of a (possibly multi-field) payload, read and written as one number in {@code asBits} order. */
final class PayloadPorts {
    private final List<SimPort> fields = new ArrayList<>();

    PayloadPorts(Sim<?> sim, Data payload) {
        for (BaseType leaf : payload.flatten()) fields.add(sim.in(StreamDriver.portName(leaf)));
    }

    void set(BigInteger word) {
        int shift = 0;
        for (int i = fields.size() - 1; i >= 0; i--) {
            SimPort f = fields.get(i);
            BigInteger part = word.shiftRight(shift).and(BigInteger.ONE.shiftLeft(f.width()).subtract(BigInteger.ONE));
            if (f.width() <= 64) f.setRaw(part.longValue());
            else f.setBig(part);
            shift += f.width();
        }
    }

    BigInteger get() {
        BigInteger word = BigInteger.ZERO;
        for (SimPort f : fields) word = word.shiftLeft(f.width()).or(f.width() <= 64 ? unsigned(f.raw()) : f.big());
        return word;
    }

    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    /** A 64-bit pattern as a non-negative number, without a round trip through text. */
    private static BigInteger unsigned(long bits) {
        BigInteger v = BigInteger.valueOf(bits);
        return bits >= 0 ? v : v.add(TWO_TO_64);
    }
}
