package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The C++ loop and the Java loops compute the same thing; their speeds are printed for the record. */
class NativeBenchmarkTest {

    private static final long CYCLES = 2_000_000;

    @Test
    void javaAndNativeLoopsAgreeAndJavaKeepsUp(@TempDir Path temp) {
        VerilatorBuild build = TestModels.build();
        ModelLibrary library = build.build(TestModels.fixture("bench"), "Bench", TestModels.BENCH);
        Path exe = NativeBenchmark.compile(build, library, "clk", temp.resolve("bench"));

        NativeBenchmark.Result bestNative = null;
        NativeBenchmark.Result bestGeneric = null;
        NativeBenchmark.Result bestTyped = null;
        for (int round = 0; round < 3; round++) { // the best of three: the machine may be shared
            var nat = NativeBenchmark.runNative(exe, CYCLES);
            NativeBenchmark.Result generic;
            try (var model = NativeModel.open(library)) {
                generic = NativeBenchmark.runJava(model, "clk", CYCLES);
            }
            NativeBenchmark.Result typed;
            try (var model = NativeModel.open(library)) {
                typed = typedLoop(model, CYCLES);
            }
            assertEquals(nat.checksum(), generic.checksum(), "generic Java loop computes what C++ does");
            assertEquals(nat.checksum(), typed.checksum(), "typed Java loop computes what C++ does");
            bestNative = faster(bestNative, nat);
            bestGeneric = faster(bestGeneric, generic);
            bestTyped = faster(bestTyped, typed);
        }
        double typedRatio = bestTyped.cyclesPerCpuSecond() / bestNative.cyclesPerCpuSecond();
        System.err.printf(Locale.ROOT, "spindle: Bench C++ %s%nspindle: Bench Java typed %s, %.2fx C++%n"
                        + "spindle: Bench Java generic %s, %.2fx C++%n", bestNative, bestTyped, typedRatio,
                bestGeneric, bestGeneric.cyclesPerCpuSecond() / bestNative.cyclesPerCpuSecond());
        // A guard against gross regressions only; the 0.5x goal is measured on a quiet machine.
        assertTrue(typedRatio > 0.25, "typed Java loop at " + typedRatio + "x the C++ loop");
    }

    /** The benchmark's stimulus written the way a testbench with typed handles would. */
    static NativeBenchmark.Result typedLoop(NativeModel model, long cycles) {
        Port a = model.port("io_a");
        Port b = model.port("io_b");
        Port count = model.port("io_count");
        Port x = model.port("io_x");
        Port y = model.port("io_y");
        var threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long sink = 0;
        for (long i = 0; i < cycles; i++) {
            a.set(i);
            b.setWord(0, (int) i);
            b.setWord(1, (int) i);
            b.setWord(2, (int) i);
            b.setWord(3, (int) i);
            model.cycle();
            sink += count.get() + x.get() + (y.getWord(0) & 0xFFFF_FFFFL) + (y.getWord(1) & 0xFFFF_FFFFL)
                    + (y.getWord(2) & 0xFFFF_FFFFL) + (y.getWord(3) & 0xFFFF_FFFFL);
        }
        return new NativeBenchmark.Result(cycles, (System.nanoTime() - start) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9, sink);
    }

    private static NativeBenchmark.Result faster(NativeBenchmark.Result a, NativeBenchmark.Result b) {
        return a == null || b.cyclesPerCpuSecond() > a.cyclesPerCpuSecond() ? b : a;
    }
}
