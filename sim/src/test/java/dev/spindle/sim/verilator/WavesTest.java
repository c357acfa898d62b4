package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavesTest {

    @TempDir
    Path temp;

    @Test
    void fstIsWrittenAndReadableByFst2vcd() throws Exception {
        Path fst = temp.resolve("waves/counter.fst");
        try (var model = NativeModel.open(TestModels.counter())) {
            model.port("io_enable").set(1);
            model.cycles(3);                  // before the waveform: not recorded
            model.openWaves(fst);
            assertTrue(model.wavesOpen());
            for (int i = 0; i < 50; i++) model.cycle();
            model.cycles(50);
            model.closeWaves();
            model.cycles(10);                 // after: not recorded, and no crash
            assertEquals(113, model.port("io_value").get());
        }
        assertTrue(Files.size(fst) > 0, "empty " + fst);
        String vcd = Processes.check(temp, List.of("fst2vcd", "-f", fst.toString()));
        assertTrue(vcd.contains("$enddefinitions"), vcd);
        assertTrue(vcd.contains(" io_value "), vcd);
        assertTrue(vcd.contains(" count "), "internal registers are traced too: " + vcd);
        assertTrue(vcd.contains("#30\n"), "time starts where the model was (3 cycles of 10 ns)");
        assertTrue(vcd.contains("#1025\n"), "and runs 100 cycles, sampled at each half period: " + vcd);
        assertTrue(vcd.contains("b01100111 "), "io_value reaches 103 while recorded: " + vcd);
        assertTrue(!vcd.contains("b01101000 "), "and 104 is after the waveform closed: " + vcd);
    }

    @Test
    void wavesCanBeReopenedAndCloseClosesThem() throws Exception {
        try (var model = NativeModel.open(TestModels.counter())) {
            model.port("io_enable").set(1);
            model.openWaves(temp.resolve("a.fst"));
            model.cycles(5);
            model.closeWaves();
            model.openWaves(temp.resolve("b.fst"));
            model.cycles(5);                  // left open: close() must flush it
        }
        String b = Processes.check(temp, List.of("fst2vcd", "-f", temp.resolve("b.fst").toString()));
        assertTrue(b.contains("#50\n") && b.contains("b00001010 "), b);
    }

    @Test
    void javaDrivenClockIsSampledWhenTimeAdvances() throws Exception {
        Path fst = temp.resolve("clocks.fst");
        var library = TestModels.build().build(TestModels.fixture("clocks"), "Clocks", TestModels.CLOCKS);
        try (var model = NativeModel.open(library)) {
            model.openWaves(fst);
            Port clkB = model.port("clk_b");
            for (int i = 0; i < 4; i++) {
                clkB.set(1);
                model.eval();
                model.advance(3);
                clkB.set(0);
                model.eval();
                model.advance(3);
            }
            assertEquals(24, model.time());
        }
        String vcd = Processes.check(temp, List.of("fst2vcd", "-f", fst.toString()));
        assertTrue(vcd.contains("#21\n"), vcd);
        assertTrue(vcd.contains(" clk_b "), vcd);
    }
}
