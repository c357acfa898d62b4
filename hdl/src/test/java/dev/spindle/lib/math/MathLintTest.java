package dev.spindle.lib.math;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every math unit, in a few configurations each, emits Verilog that Verilator ({@code -Wall}), Yosys and Icarus accept silently. */
class MathLintTest {
    private static Arguments design(String name, Supplier<? extends Component> top) { return Arguments.of(name, top); }

    static List<Arguments> designs() {
        List<Arguments> d = new ArrayList<>();
        d.add(design("adderTreeComb", () -> new AdderTree(new AdderTree.Config(5, 8, true, 0, false))));
        d.add(design("adderTreeK1", () -> new AdderTree(new AdderTree.Config(7, 8, true, 1, true))));
        d.add(design("adderTreeK2u", () -> new AdderTree(new AdderTree.Config(16, 12, false, 2, true))));
        d.add(design("adderTreeOne", () -> new AdderTree(new AdderTree.Config(1, 4, false, 1, true))));
        d.add(design("maxTreeComb", () -> new MaxTree(new MaxTree.Config(3, 4, true, 0, true, false))));
        d.add(design("maxTreeK1", () -> new MaxTree(new MaxTree.Config(9, 6, true, 1, true, true))));
        d.add(design("maxTreeK3u", () -> new MaxTree(new MaxTree.Config(16, 10, false, 3, false, true))));
        d.add(design("maxTreeOne", () -> new MaxTree(new MaxTree.Config(1, 5, true, 2, true, true))));
        d.add(design("macSat", () -> new Mac(new Mac.Config(8, 8, true, 20, Overflow.SATURATE, true))));
        d.add(design("macWrapU", () -> new Mac(new Mac.Config(6, 5, false, 12, Overflow.WRAP, false))));
        d.add(design("macNarrowSat", () -> new Mac(new Mac.Config(10, 9, false, 8, Overflow.SATURATE, false))));
        d.add(design("tableExp", () -> new FunctionTable(new FunctionTable.Config("exp", Math::exp,
                FixFormat.parse("s4.6"), FixFormat.parse("u1.10")))));
        d.add(design("tableTanh", () -> new FunctionTable(new FunctionTable.Config("tanh", Math::tanh,
                FixFormat.parse("s3.9"), 9, FixFormat.parse("s1.10"), FunctionTable.Sample.MIDDLE))));
        d.add(design("recip8", () -> new Reciprocal(new Reciprocal.Config(FixFormat.parse("u8.8"), FixFormat.parse("u8.8"), 8))));
        d.add(design("recipWide", () -> new Reciprocal(new Reciprocal.Config(FixFormat.parse("u16.0"), FixFormat.parse("u1.23"), 12))));
        d.add(design("recipSmall", () -> new Reciprocal(new Reciprocal.Config(FixFormat.parse("u2.0"), FixFormat.parse("u1.3"), 1))));
        return d;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("designs")
    void lintClean(String name, Supplier<? extends Component> top) {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(top));
        assertEquals(List.of(), Lint.check(out, Path.of("target", "math-lint", name).toAbsolutePath()));
    }
}
