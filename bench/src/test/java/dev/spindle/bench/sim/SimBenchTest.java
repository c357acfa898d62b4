package dev.spindle.bench.sim;

import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.lib.math.MacModel;
import dev.spindle.sim.verilator.NativeBenchmark;
import dev.spindle.hdl.verilog.Lint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulation benchmark's designs are clean Verilog; their Java testbenches compute what the designs are defined
 * to compute (checked against plain Java models); and the C++ loops compute the same checksums as the Java ones, so
 * the two sides of the benchmark do the same work.
 */
class SimBenchTest {
    private static final int CYCLES = 3_000;

    @ParameterizedTest
    @EnumSource(Design.class)
    void designIsLintClean(Design design, @TempDir Path dir) {
        List<String> problems = Lint.check(VerilogBackend.emit(Spindle.elaborate(design.top())), dir);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void cppLoopComputesTheJavaChecksum(Design design) {
        long java;
        Path exe;
        try (Workload tb = design.open()) {
            java = tb.run(CYCLES);
            exe = NativeExes.ensure(tb.sim().model().library(), tb.cppLoop());
        }
        assertEquals(Long.toUnsignedString(java), Long.toUnsignedString(NativeBenchmark.runNative(exe, CYCLES).checksum()),
                design + ": C++ and Java checksums");
    }

    /** x = (a ^ count) + b[63:0] + b[127:64], registered; count is i in cycle i (0 after the reset cycle). */
    @Test
    void smallDesignComputesItsDefinition() {
        long want = 0;
        for (long i = 0; i < CYCLES; i++) {
            long a = i * SmallTestbench.GOLDEN;
            long lo = ((long) (int) (a >>> 32) << 32) | (i & 0xFFFF_FFFFL);
            long hi = ((long) ~(int) i << 32) | (a & 0xFFFF_FFFFL);
            want += (a ^ (i & 0xFFFF_FFFFL)) + lo + hi;
        }
        try (var tb = SmallTestbench.open()) {
            assertEquals(want, tb.run(CYCLES));
        }
    }

    @Test
    void macArrayComputesItsLanesMacs() {
        var lanes = new MacModel[MacArray.LANES];
        for (int k = 0; k < lanes.length; k++) lanes[k] = new MacModel(MacArray.MAC);
        long want = 0;
        for (int i = 0; i < CYCLES; i++) {
            long read = 0;
            for (int k = 0; k < lanes.length; k++) {
                long acc = lanes[k].step((short) (i + k), (short) (3 * i - k), true, (i & 255) == 0);
                if (k == (i & 15)) read = acc;
            }
            want += read;
        }
        try (var tb = Design.LANES16.open()) {
            assertEquals(want, tb.run(CYCLES));
        }
    }

    @Test
    void macGridComputesItsOuterProduct() {
        var cells = new MacModel[MacGrid.ROWS * MacGrid.COLS];
        for (int k = 0; k < cells.length; k++) cells[k] = new MacModel(MacArray.MAC);
        long want = 0;
        for (int i = 0; i < CYCLES; i++) {
            long read = 0;
            for (int r = 0; r < MacGrid.ROWS; r++) {
                for (int c = 0; c < MacGrid.COLS; c++) {
                    int k = MacGrid.COLS * r + c;
                    long acc = cells[k].step((short) (i + r), (short) (3 * i - c), true, (i & 255) == 0);
                    if (k == (i & 255)) read = acc;
                }
            }
            want += read;
        }
        try (var tb = Design.LARGE.open()) {
            assertEquals(want, tb.run(CYCLES));
        }
    }
}
