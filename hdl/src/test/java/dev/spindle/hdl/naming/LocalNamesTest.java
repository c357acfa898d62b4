package dev.spindle.hdl.naming;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names from the Java source: locals (through helpers, loops, records, lists), areas, and their manifest origins. */
class LocalNamesTest {
    static final class Io extends Bundle {
        final UInt a = in(UInt.type(8));
        final UInt b = in(UInt.type(8));
        final UInt y = out(UInt.type(8));
    }

    /** The example: a sum and its register. */
    static final class SumAcc extends Component {
        final Io io = new Io();

        SumAcc() {
            UInt sum = io.a.add(io.b);
            UInt acc = RegNext(sum);
            io.y.assign(acc);
        }
    }

    private static VerilogOutput emit(Supplier<? extends Component> top) { return VerilogBackend.emit(Spindle.elaborate(top)); }

    private static String verilog(VerilogOutput out) { return String.join("\n", out.files().values()); }

    private static Map<String, String> origins(VerilogOutput out) {
        return out.manifest().declarations().stream().collect(Collectors.toMap(Manifest.Declaration::name, Manifest.Declaration::origin));
    }

    @Test
    void localsNameAWireAndARegister() {
        VerilogOutput out = emit(SumAcc::new);
        String v = verilog(out);
        assertTrue(v.contains("wire [7:0] sum;"), v);
        assertTrue(v.contains("reg  [7:0] acc;"), v);
        assertTrue(v.contains("assign sum = io_a + io_b;"), v);
        assertTrue(v.contains("acc <= sum;"), v);
        assertEquals(Map.of("sum", "local", "acc", "local"), origins(out));
    }

    /** Aliases do not rename; a helper's result is named by the caller's local; a loop's locals are numbered. */
    static final class Helpers extends Component {
        final Io io = new Io();
        private final UInt[] r = new UInt[3];

        Helpers() {
            for (int i = 0; i < 3; i++) r[i] = RegInit(UInt.lit(0, 8));
            r[0].assign(io.a);
            UInt alias = r[0];
            r[1].assign(alias);
            UInt delayed = delay(io.b);
            List<UInt> stages = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                UInt step = RegNext(delayed.add(i));
                stages.add(RegNext(step));
            }
            r[2].assign(stages.get(0).xor(stages.get(1)));
            io.y.assign(r[1].add(r[2]));
        }

        private UInt delay(UInt x) { return RegNext(x); }
    }

    /** Each named declaration exists with the expected origin ({@code "name=origin"}). */
    private static void assertOrigins(VerilogOutput out, String... expected) {
        Map<String, String> o = origins(out);
        for (String e : expected) {
            String[] kv = e.split("=");
            assertEquals(kv[1], o.get(kv[0]), kv[0] + " in\n" + verilog(out));
        }
    }

    @Test
    void aliasesHelpersAndLoops() {
        VerilogOutput out = emit(Helpers::new);
        String v = verilog(out);
        assertOrigins(out, "r_0=field", "delayed=local", "step_0=local", "step_1=local", "stages_0=local", "stages_1=local");
        assertFalse(origins(out).containsKey("alias"), v);
        assertTrue(v.contains("delayed <= io_b;  // LocalNamesTest.java:"), v);
    }

    /** Components of a record held in a local or a field; a memory in a local; an area prefixes. */
    record Pair(UInt lo, UInt hi) {}

    static final class Records extends Component {
        final Io io = new Io();
        private final Pair kept;

        Records() {
            Pair p = new Pair(RegNext(io.a), RegNext(io.b));
            kept = new Pair(RegNext(p.lo()), RegNext(p.hi()));
            Mem<UInt> lut = Mem.of(UInt.type(8), 4);
            lut.write(io.a.takeLow(2), io.b, Bool.lit(true));
            UInt mixed = area("mix", () -> {
                UInt t = kept.lo().xor(kept.hi());
                return RegNext(t.add(lut.readAsync(io.b.takeLow(2))));
            });
            io.y.assign(mixed);
        }
    }

    @Test
    void recordsMemoriesAndAreas() {
        assertOrigins(emit(Records::new), "p_lo=local", "p_hi=local", "kept_lo=field", "kept_hi=field", "lut=local",
                "mix_t=area", "mix_mixed=area");
    }
}
