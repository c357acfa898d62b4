package dev.spindle.hdl.verilog;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Minimal designs of issue 9's emission defects: each elaborates, emits, and passes Verilator -Wall, Yosys and
 * Icarus with no waiver beyond the backend's documented unused-bit pairs.
 */
class EmissionDefectsTest {
    @TempDir Path dir;

    private VerilogOutput clean(Supplier<? extends Component> design) {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(design));
        assertEquals(List.of(), Lint.check(out, dir), () -> out.files().toString());
        return out;
    }

    static final class MemIo extends Bundle {
        final UInt addr = in(UInt.type(3));
        final UInt data = in(UInt.type(8));
        final Bool en = in(Bool.type());
        final Bits mask = in(Bits.type(1));
        final UInt q = out(UInt.type(8));
    }

    /** Defect 1: a 1-bit byte mask is a scalar, so it is read whole, not as mask[0]. */
    @Test
    void memoryWriteWithOneBitMask() {
        String v = clean(() -> new Component() {
            final MemIo io = new MemIo();
            final Mem<UInt> mem = Mem.of(UInt.type(8), 8);
            {
                mem.write(io.addr, io.data, io.en, io.mask);
                io.q.assign(mem.readAsync(io.addr));
            }
        }).files().values().iterator().next();
        assertTrue(!v.contains("io_mask[0]"), v);
    }

    /** Defect 2: a literal mask is folded: lanes with a 0 bit are never written, the others always. */
    @Test
    void memoryWriteWithLiteralMask() {
        String v = clean(() -> new Component() {
            final MemIo io = new MemIo();
            final Mem<UInt> mem = Mem.of(UInt.type(8), 8);
            {
                mem.write(io.addr, io.data, io.en, Bits.lit(1, 2));
                io.q.assign(mem.readAsync(io.addr));
            }
        }).files().values().iterator().next();
        assertTrue(v.contains("[3:0] <= io_data[3:0]"), v);
        assertTrue(!v.contains("[7:4] <="), v);
    }

    static final class KeywordIo extends Bundle {
        final UInt a = in(UInt.type(4));
        final UInt y = out(UInt.type(4));
    }

    /** Defect 4: every IEEE 1800-2017 keyword is renamed, and the manifest says so. */
    @Test
    void systemVerilogKeywordsAreRenamed() {
        List<String> words = List.of("ref", "type", "local", "sequence", "cover", "inside", "interconnect", "bind", "soft",
                "tagged", "rand", "dist", "chandle", "pure", "with", "alias", "intersect", "expect", "assert", "property");
        VerilogOutput out = clean(() -> new Component() {
            final KeywordIo io = new KeywordIo();
            {
                UInt prev = io.a;
                for (String w : words) {
                    UInt x = Wire(prev.add(1)).named(w);
                    prev = x;
                }
                io.y.assign(prev);
            }
        });
        String v = out.files().values().iterator().next();
        for (String w : words) assertTrue(v.contains(" " + w + "_;"), w + " not renamed:\n" + v);
        assertTrue(out.manifestJson().contains("\"ref\""), out.manifestJson());
        assertTrue(out.manifestJson().contains("\"ref_\""), out.manifestJson());
    }

    static final class CmpIo extends Bundle {
        final UInt x = in(UInt.type(8));
        final Bool inRange = out(Bool.type());
        final UInt sat = out(UInt.type(8));
    }

    /** Defect 7: a UInt compared with 0 or its maximum, and subSat of 0, fold instead of tripping UNSIGNED/CMPCONST. */
    @Test
    void comparisonsWithRangeEndsFold() {
        clean(() -> new Component() {
            final CmpIo io = new CmpIo();
            {
                io.inRange.assign(io.x.ge(0).and(io.x.le(255)).or(io.x.lt(0)).or(io.x.gt(255)));
                io.sat.assign(io.x.subSat(UInt.lit(0, 8)));
            }
        });
    }

    static final class DecidedIo extends Bundle {
        final UInt x = in(UInt.type(8));
        final UInt y = in(UInt.type(8));
        final Bits decided = out(Bits.type(8));
    }

    /**
     * Defect 7, found by the random designs (seed 9, design 1509: {@code lt(x, div(0, y))}): a value that one literal
     * operand decides ({@code 0 / y} through the division-by-zero guard, {@code 0 % y}, {@code y * 0}, {@code y | ~0},
     * {@code 0 >> y}, {@code x - x}) is a literal, so comparing with it folds too: Verilator folds such operators
     * itself and then flags the comparison UNSIGNED or CMPCONST.
     */
    @Test
    void comparisonsWithValuesALiteralDecidesFold() {
        String v = clean(() -> new Component() {
            final DecidedIo io = new DecidedIo();
            {
                UInt zero = UInt.lit(0, 8);
                io.decided.assign(cat(io.x.lt(zero.div(io.y)), io.x.ge(zero.mod(io.y)), io.x.lt(io.y.mul(zero).resize(8)),
                        io.x.gt(io.y.or(UInt.lit(255, 8))), io.x.lt(zero.srl(io.y)), io.y.ge(io.x.sub(io.x)),
                        io.x.lt(mux(io.y.bit(0), zero, zero)), io.y.lt(io.x.mod(UInt.lit(1, 8)))));
            }
        }).files().values().iterator().next();
        // Every bit decided, most significant first: 0, 1, 0, 0, 0, 1, 0, 0.
        assertTrue(v.contains("assign io_decided = 8'd68;"), v);
    }

    static final class RegIo extends Bundle {
        final UInt a = in(UInt.type(4));
        final UInt y = out(UInt.type(8));
    }

    /** Defect 7: a reset-less register assigned only in part has its other bits driven (zero), not UNDRIVEN. */
    @Test
    void partlyAssignedRegisterWithoutReset() {
        clean(() -> new Component() {
            final RegIo io = new RegIo();
            final UInt r = Reg(UInt.type(8));
            {
                r.bits(3, 0).assign(io.a);
                io.y.assign(r);
            }
        });
    }

    /** Defect 7: a memory read only at constant addresses stays a memory for Yosys (no "list of registers"). */
    @Test
    void memoryReadAtConstantAddresses() {
        clean(() -> new Component() {
            final MemIo io = new MemIo();
            final Mem<UInt> mem = Mem.of(UInt.type(8), 8);
            {
                mem.write(io.addr, io.data, io.en);
                io.q.assign(mem.readAsync(UInt.lit(2, 3)).xor(mem.readAsync(UInt.lit(5, 3))));
            }
        });
    }

    static final class ShiftIo extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt left = out(UInt.type(8));
        final UInt right = out(UInt.type(8));
        final UInt small = out(UInt.type(8));
    }

    /** Defect 7: shifts by a literal of 2^32 or more are sized (no Verilator "Value too wide"). */
    @Test
    void shiftByAHugeLiteral() {
        clean(() -> new Component() {
            final ShiftIo io = new ShiftIo();
            {
                io.left.assign(io.a.sll(UInt.lit(BigInteger.ONE.shiftLeft(40), 41)));
                io.right.assign(io.a.srl(UInt.lit(BigInteger.ONE.shiftLeft(40).add(BigInteger.ONE), 41)));
                io.small.assign(io.a.sll(UInt.lit(3, 41)));
            }
        });
    }

    static final class VecIo extends Bundle {
        final UInt sel = in(UInt.type(13));
        final UInt a = in(UInt.type(8));
        final UInt y = out(UInt.type(8));
        final UInt z = out(UInt.type(8));
    }

    /**
     * Defect 9: a 4,096-element Vec read and a 5,000-step fold emit without a StackOverflowError (speed is for the
     * benchmarks, not for a timed unit test).
     */
    @Test
    void wideReadsAndLongFoldsEmit() {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(() -> new Component() {
            final VecIo io = new VecIo();
            final Vec<UInt> table = Vec.of(UInt.type(8), 4096);
            {
                for (int i = 0; i < table.size(); i++) table.get(i).assign(io.a.add(i & 0xff));
                io.y.assign(table.read(io.sel));
                UInt acc = io.a;
                for (int i = 0; i < 5000; i++) acc = acc.xor(io.a).add(1);
                io.z.assign(acc);
            }
        }));
        String verilog = out.files().values().iterator().next();
        assertTrue(verilog.contains("io_y") && verilog.contains("io_z"), "both outputs emitted");
    }
}
