package dev.spindle.sim.semantics;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.ir.Domain;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.sim.Sim;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 9's defects that only a simulation shows: each minimal design, in Verilator and in Icarus, against the documented value. */
class SimDefectsTest {
    @TempDir Path dir;

    private static BigInteger big(long v) { return BigInteger.valueOf(v); }

    private static void assertBoth(TwoSimulators run, int cycle, String port, BigInteger expected) {
        assertEquals(expected, run.value(run.verilator(), cycle, port), "Verilator " + port + " at cycle " + cycle);
        assertEquals(expected, run.value(run.icarus(), cycle, port), "Icarus " + port + " at cycle " + cycle);
    }

    static final class ConstIo extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt halves = out(UInt.type(8));
        final UInt underWhen = out(UInt.type(8));
        final UInt underSwitch = out(UInt.type(8));
        final UInt sum = out(UInt.type(8));
    }

    static final class ConstantWires extends Component {
        final ConstIo io = new ConstIo();
        final UInt w = Wire(UInt.type(8));
        final UInt v = Wire(UInt.type(8));
        final UInt u = Wire(UInt.type(8));

        ConstantWires() {
            w.bits(7, 4).assign(UInt.lit(0xA, 4));
            w.bits(3, 0).assign(UInt.lit(5, 4));
            when(True(), () -> v.assign(UInt.lit(0x3C, 8))).otherwise(() -> v.assign(UInt.lit(1, 8)));
            switchOn(UInt.lit(7, 4)).is(7, () -> u.assign(UInt.lit(0x77, 8))).dflt(() -> u.assign(UInt.lit(0, 8)));
            io.halves.assign(w);
            io.underWhen.assign(v);
            io.underSwitch.assign(u);
            io.sum.assign(w.add(io.a));
        }
    }

    /** Defect 3: wires driven only by literals (in parts, under if (1'b1), under case (4'd7)) have their value in Icarus too. */
    @Test
    void wiresDrivenOnlyByLiterals() {
        List<List<BigInteger>> in = List.of(List.of(big(1)), List.of(big(2)));
        TwoSimulators run = TwoSimulators.run(Spindle.elaborate(ConstantWires::new), in, dir);
        for (int c = 0; c < 2; c++) {
            assertBoth(run, c, "io_halves", big(0xA5));
            assertBoth(run, c, "io_underWhen", big(0x3C));
            assertBoth(run, c, "io_underSwitch", big(0x77));
            assertBoth(run, c, "io_sum", big(0xA5 + c + 1));
        }
    }

    static final class LoadIo extends Bundle {
        final Bool load = in(Bool.type());
        final UInt a = in(UInt.type(8));
        final UInt y = out(UInt.type(8));
    }

    /** Defect 5: a RegInit in a domain without reset starts at its init value (the register's initial value). */
    @Test
    void regInitWithoutResetKeepsItsValue() {
        class NoReset extends Component {
            final LoadIo io = new LoadIo();
            UInt r;
            NoReset() {
                ClockDomain d = ClockDomain.external("sys", ClockDomain.Config.defaults().withoutReset());
                d.on(() -> r = RegNextWhen(io.a, io.load, UInt.lit(5, 8)));
                io.y.assign(r);
            }
        }
        List<List<BigInteger>> in = List.of(List.of(big(0), big(9)), List.of(big(0), big(9)), List.of(big(1), big(9)), List.of(big(0), big(1)));
        TwoSimulators run = TwoSimulators.run(Spindle.elaborate(NoReset::new), in, dir);
        assertBoth(run, 0, "io_y", big(5));
        assertBoth(run, 1, "io_y", big(5));
        assertBoth(run, 2, "io_y", big(5));
        assertBoth(run, 3, "io_y", big(9));
    }

    static final class ResetIo extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt direct = out(UInt.type(8));
        final UInt delayed = out(UInt.type(8));
    }

    /** Defect 6: Sim applies reset with a real edge for every kind and polarity: RegInit(42) and its RegNext read 42. */
    @ParameterizedTest
    @CsvSource({"ASYNC,HIGH", "ASYNC,LOW", "SYNC,HIGH", "SYNC,LOW"})
    void resetHasAnEdgeForEveryKind(Domain.ResetKind kind, Domain.Polarity active) {
        class Resettable extends Component {
            final ResetIo io = new ResetIo();
            UInt r;
            UInt next;
            Resettable() {
                ClockDomain d = ClockDomain.external("d", ClockDomain.Config.defaults().withReset(kind, active));
                d.on(() -> {
                    r = RegInit(UInt.lit(42, 8));
                    r.assign(io.a);
                    next = RegNext(r);
                });
                io.direct.assign(r);
                io.delayed.assign(next);
            }
        }
        try (Sim<Resettable> sim = Sim.of(Resettable::new)) {
            assertEquals(42, sim.port(sim.dut().io.direct).get(), "RegInit after reset (" + kind + ", " + active + ")");
            if (kind == Domain.ResetKind.ASYNC) {
                // The register took 42 as reset rose, so the clock edge inside the reset cycle passed 42 on.
                assertEquals(42, sim.port(sim.dut().io.delayed).get(), "RegNext of RegInit after reset (" + kind + ", " + active + ")");
            }
            sim.port(sim.dut().io.a).set(7);
            sim.cycle();
            assertEquals(7, sim.port(sim.dut().io.direct).get());
            sim.reset(2);
            assertEquals(42, sim.port(sim.dut().io.direct).get(), "RegInit after Sim.reset (" + kind + ", " + active + ")");
            assertEquals(42, sim.port(sim.dut().io.delayed).get(), "RegNext after a two-cycle Sim.reset (" + kind + ", " + active + ")");
        }
    }

    static final class WideIo extends Bundle {
        final UInt a = in(UInt.type(70));
        final UInt b = in(UInt.type(70));
        final UInt x8 = in(UInt.type(8));
        final UInt x64 = in(UInt.type(64));
        final SInt s8 = in(SInt.type(8));
        final UInt q = out(UInt.type(70));
        final UInt r = out(UInt.type(70));
        final UInt left8 = out(UInt.type(8));
        final UInt right8 = out(UInt.type(8));
        final UInt right64 = out(UInt.type(64));
        final SInt sra8 = out(SInt.type(8));
    }

    static final class WideOps extends Component {
        final WideIo io = new WideIo();

        WideOps() {
            io.q.assign(io.a.div(io.b));
            io.r.assign(io.a.mod(io.b));
            io.left8.assign(io.x8.sll(io.b));
            io.right8.assign(io.x8.srl(io.b));
            io.right64.assign(io.x64.srl(io.b));
            io.sra8.assign(io.s8.sra(io.b));
        }
    }

    /**
     * Defect 8: a 70-bit division by 1 with the top bit set (Icarus 11 gives 0), division and modulo by zero (0 by
     * definition), and shifts by a 70-bit amount of 32 or more (Verilator 5.006 shifts by it modulo 32 or 64).
     */
    @Test
    void wideDivisionAndWideShiftAmounts() {
        BigInteger top = BigInteger.ONE.shiftLeft(69).add(big(0x1234));
        long[][] cases = {{1, 0}, {0, 0}, {3, 0}, {33, 0}, {40, 0}, {64, 0}, {65, 0}, {7, 0}};
        List<List<BigInteger>> in = new ArrayList<>();
        List<BigInteger> amounts = new ArrayList<>();
        for (long[] c : cases) amounts.add(big(c[0]));
        amounts.add(BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE));
        amounts.add(BigInteger.ONE.shiftLeft(40));
        BigInteger x64 = new BigInteger("f0e1d2c3b4a59687", 16);
        for (BigInteger b : amounts) in.add(List.of(top, b, big(0xB7), x64, big(0xB7)));
        TwoSimulators run = TwoSimulators.run(Spindle.elaborate(WideOps::new), in, dir);
        BigInteger m8 = big(0xff);
        BigInteger m64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int c = 0; c < amounts.size(); c++) {
            BigInteger b = amounts.get(c);
            int n = b.min(big(200)).intValue();
            assertBoth(run, c, "io_q", b.signum() == 0 ? BigInteger.ZERO : top.divide(b));
            assertBoth(run, c, "io_r", b.signum() == 0 ? BigInteger.ZERO : top.mod(b));
            assertBoth(run, c, "io_left8", big(0xB7).shiftLeft(n).and(m8));
            assertBoth(run, c, "io_right8", big(0xB7).shiftRight(n));
            assertBoth(run, c, "io_right64", x64.shiftRight(n).and(m64));
            assertBoth(run, c, "io_sra8", big(0xB7 - 256).shiftRight(n).and(m8));
        }
    }

    static final class ApiIo extends Bundle {
        final SInt a = in(SInt.type(8));
        final SInt b = in(SInt.type(6));
        final UInt u = in(UInt.type(8));
        final UInt v = in(UInt.type(8));
        final SInt q = out(SInt.type(8));
        final SInt r = out(SInt.type(6));
        final UInt mag = out(UInt.type(8));
        final SInt sat = out(SInt.type(8));
        final SInt satSub = out(SInt.type(8));
        final UInt diff = out(UInt.type(9));
        final UInt rot = out(UInt.type(8));
        final UInt rev = out(UInt.type(8));
        final Bool ne = out(Bool.type());
        final UInt bools = out(UInt.type(8));
        final SInt big = out(SInt.type(70));
        final UInt cased = out(UInt.type(8));
    }

    /** Every operation of defect 11 once, each into its own output of the documented width. */
    static final class IntegerApi extends Component {
        final ApiIo io = new ApiIo();
        final UInt cased = Wire(UInt.type(8));

        IntegerApi() {
            io.q.assign(io.a.div(io.b));
            io.r.assign(io.a.mod(io.b));
            io.mag.assign(io.a.abs());
            io.sat.assign(io.a.addSat(io.b.resize(8)));
            io.satSub.assign(io.a.subSat(io.b.resize(8)));
            io.diff.assign(io.u.subExpand(io.v));
            io.rot.assign(io.u.rotl(3).xor(io.v.rotr(2)));
            io.rev.assign(io.u.reversed());
            io.ne.assign(io.a.ne(-1));
            List<Bool> bits = io.v.asBools();
            io.bools.assign(cat(bits.get(0), bits.get(1), bits.get(2), bits.get(3), bits.get(4), bits.get(5), bits.get(6), bits.get(7)).asUInt());
            io.big.assign(SInt.lit(BigInteger.ONE.shiftLeft(68).negate(), 70).add(io.a.resize(70)));
            switchOn(io.a)
                    .is(-1, () -> cased.assign(UInt.lit(1, 8)))
                    .is(-128, () -> cased.assign(UInt.lit(2, 8)))
                    .is(127, () -> cased.assign(UInt.lit(3, 8)))
                    .dflt(() -> cased.assign(UInt.lit(0, 8)));
            io.cased.assign(cased);
        }
    }

    /**
     * Defect 11: SInt div/mod (truncating, as Java), abs, addSat/subSat, UInt subExpand, rotate, reverse, ne(long),
     * asBools, SInt.lit(BigInteger), switchOn(sint).is(negative): lint-clean (the Sim gate), the same in both
     * simulators as Java's arithmetic.
     */
    @Test
    void integerApi() {
        String verilog = VerilogBackend.emit(Spindle.elaborate(IntegerApi::new)).files().get("IntegerApi.v");
        assertTrue(verilog.contains("8'd255"), verilog);   // the case for -1 is its 8-bit pattern
        java.util.Random rnd = new java.util.Random(11);
        List<List<BigInteger>> in = new ArrayList<>();
        List<long[]> vals = new ArrayList<>();
        long[][] corners = {{-128, -1}, {-128, 0}, {127, -32}, {-1, 31}, {0, 0}, {5, -3}};
        for (int c = 0; c < 200; c++) {
            long a = c < corners.length ? corners[c][0] : rnd.nextInt(256) - 128;
            long b = c < corners.length ? corners[c][1] : rnd.nextInt(64) - 32;
            long u = rnd.nextInt(256), v = rnd.nextInt(256);
            vals.add(new long[] {a, b, u, v});
            in.add(List.of(big(a & 0xff), big(b & 0x3f), big(u), big(v)));
        }
        TwoSimulators run = TwoSimulators.run(Spindle.elaborate(IntegerApi::new), in, dir);
        BigInteger span70 = BigInteger.ONE.shiftLeft(70);
        for (int c = 0; c < vals.size(); c++) {
            long a = vals.get(c)[0], b = vals.get(c)[1], u = vals.get(c)[2], v = vals.get(c)[3];
            long q = b == 0 ? 0 : (byte) (a / b);
            long r = b == 0 ? 0 : a % b;
            assertBoth(run, c, "io_q", big(q & 0xff));
            assertBoth(run, c, "io_r", big(r & 0x3f));
            assertBoth(run, c, "io_mag", big(Math.abs(a) & 0xff));
            assertBoth(run, c, "io_sat", big(Math.max(-128, Math.min(127, a + b)) & 0xff));
            assertBoth(run, c, "io_satSub", big(Math.max(-128, Math.min(127, a - b)) & 0xff));
            assertBoth(run, c, "io_diff", big((u - v) & 0x1ff));
            assertBoth(run, c, "io_rot", big((((u << 3) | (u >> 5)) ^ ((v >> 2) | (v << 6))) & 0xff));
            assertBoth(run, c, "io_rev", big(Integer.reverse((int) u) >>> 24));
            assertBoth(run, c, "io_ne", big(a != -1 ? 1 : 0));
            assertBoth(run, c, "io_bools", big(Integer.reverse((int) v) >>> 24));   // bit 0 first, so most significant
            assertBoth(run, c, "io_big", BigInteger.ONE.shiftLeft(68).negate().add(big(a)).mod(span70));
            assertBoth(run, c, "io_cased", big(a == -1 ? 1 : a == -128 ? 2 : a == 127 ? 3 : 0));
        }
    }
}
