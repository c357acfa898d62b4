package dev.spindle.sim.fix;

import dev.spindle.hdl.FixMath;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.SpindleSim;
import dev.spindle.tools.RandomRaw;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Verilog of {@link FixOps} (lint-clean: {@code Sim}'s gate), simulated by Verilator in-process, gives exactly
 * what FixMath gives, for every output and input vector. Cases cover signed and unsigned, mixed operands, int and
 * frac bits growing and shrinking (also past the whole width), negative int or frac bits, and all rounding and
 * overflow modes.
 */
@SpindleSim
class FixBitExactTest {
    private static final int VECTORS = 400;

    static Stream<FixOps.Case> cases() {
        return Stream.of(
                new FixOps.Case("s6.10", "s4.4", "s4.6", "s8.12", "s3.12", "s10.-2", "u4.8"),
                new FixOps.Case("u5.7", "u3.5", "u3.4", "u8.10", "s4.5", "s7.9"),
                new FixOps.Case("s3.5", "u4.2", "s2.2", "u2.6", "s5.8", "u2.-1"),
                new FixOps.Case("u8.0", "s1.7", "u4.-2", "s2.1", "u12.3"),
                new FixOps.Case("s2.0", "u1.0", "u3.-2", "s3.-1", "s3.1"),
                new FixOps.Case("s-2.10", "s3.-1", "s-4.14", "s-1.6", "u-3.9"),
                new FixOps.Case("s16.16", "s10.14", "s12.8", "s20.24", "u16.8"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hardwareMatchesFixMath(FixOps.Case c, SimSession session, Random rnd) {
        Sim<FixOps> sim = session.sim(() -> new FixOps(c));
        FixOps top = sim.dut();
        SimPort a = sim.port(top.io.a);
        SimPort b = sim.port(top.io.b);
        List<SimPort> outputs = top.probes.stream().map(p -> sim.port(p.port())).toList();
        List<String> errors = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < VECTORS; i++) {
            long x = RandomRaw.withTies(rnd, c.a());
            long y = RandomRaw.withTies(rnd, c.b());
            a.setBig(bits(x, a.width()));
            b.setBig(bits(y, b.width()));
            sim.eval();
            for (int k = 0; k < top.probes.size(); k++) {
                FixOps.Probe p = top.probes.get(k);
                long want = p.model().applyAsLong(x, y);
                long got = decode(outputs.get(k).big(), p.port().width(), p.format() != null && p.format().signed());
                compared++;
                if (want != got && errors.size() < 10) {
                    errors.add(p.label() + " with a = " + x + " (" + FixMath.toDouble(x, c.a()) + "), b = " + y
                            + ": hardware " + got + ", FixMath " + want);
                }
            }
        }
        if (!errors.isEmpty()) fail(c + ":\n" + String.join("\n", errors));
        assertTrue(compared >= VECTORS * 30, "only " + compared + " outputs compared");
    }

    /** The low {@code width} bits of a raw as an unsigned number. */
    private static BigInteger bits(long raw, int width) {
        return BigInteger.valueOf(raw).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    private static long decode(BigInteger v, int width, boolean signed) {
        if (signed && v.testBit(width - 1)) v = v.subtract(BigInteger.ONE.shiftLeft(width));
        return v.longValueExact();
    }
}
