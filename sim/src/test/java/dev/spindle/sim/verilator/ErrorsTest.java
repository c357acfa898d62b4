package dev.spindle.sim.verilator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every misuse fails with a message that says what is wrong and where. */
class ErrorsTest {

    @Test
    void syntaxErrorNamesTheVerilogFileLineAndItsText() {
        var ports = List.of(PortSpec.in("clk", 1), PortSpec.in("io_in", 8), PortSpec.out("io_out", 8));
        var e = assertThrows(VerilatorException.class,
                () -> TestModels.build().build(TestModels.fixture("bad"), "Bad", ports));
        String message = e.getMessage();
        assertTrue(message.contains("Bad.v:8"), message);
        assertTrue(message.contains("assign io_out = r; // Bad.java:13"), message);
        // The parser trips on the line after the mistake, so the line before is shown too.
        assertTrue(message.contains("Bad.v:7 |   always @(posedge clk) r <= io_in + 8'd1 // Bad.java:12"), message);

        VerilogDiagnostic first = e.diagnostics().getFirst();
        assertEquals("Bad.v", first.file().getFileName().toString());
        assertEquals(8, first.line());
        assertEquals("Error", first.severity());
        assertEquals("Bad.java:13", first.javaLocation().orElseThrow());
    }

    @Test
    void wrongPortListIsRejectedWithTheVerilogPorts() {
        var ports = List.of(PortSpec.in("clk", 1), PortSpec.in("reset", 1), PortSpec.in("io_enable", 2),
                PortSpec.out("io_valu", 8));
        var e = assertThrows(IllegalArgumentException.class,
                () -> TestModels.build().build(TestModels.fixture("counter"), "Counter", ports));
        assertTrue(e.getMessage().contains("port io_enable: given in io_enable[2], the Verilog says in io_enable[1]"),
                e.getMessage());
        assertTrue(e.getMessage().contains("no port io_valu in the Verilog"), e.getMessage());
        assertTrue(e.getMessage().contains("out io_value[8] of the Verilog is not in the port list"), e.getMessage());
    }

    @Test
    void unknownPortNameListsThePorts() {
        try (var model = NativeModel.open(TestModels.counter())) {
            var e = assertThrows(IllegalArgumentException.class, () -> model.port("io_enabel"));
            assertEquals("no port 'io_enabel' on Counter; its ports are clk, reset, io_enable, io_value", e.getMessage());
        }
    }

    @Test
    void useAfterCloseIsAClearError() {
        var model = NativeModel.open(TestModels.counter());
        Port value = model.port("io_value");
        Port enable = model.port("io_enable");
        model.close();
        model.close(); // idempotent
        assertTrue(model.isClosed());
        var e1 = assertThrows(IllegalStateException.class, model::cycle);
        assertTrue(e1.getMessage().contains("used after close()"), e1.getMessage());
        assertThrows(IllegalStateException.class, () -> model.cycles(10));
        assertThrows(IllegalStateException.class, model::eval);
        var e2 = assertThrows(IllegalStateException.class, value::get);
        assertTrue(e2.getMessage().contains("port io_value used after NativeModel[Counter"), e2.getMessage());
        assertThrows(IllegalStateException.class, () -> enable.set(1));
    }

    @Test
    void outputsCannotBeDrivenAndWidePortsNeedBigOrWords() {
        try (var model = NativeModel.open(TestModels.counter())) {
            var e = assertThrows(IllegalStateException.class, () -> model.port("io_value").set(3));
            assertEquals("port io_value of Counter is an output: only the model drives it", e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> model.port("io_value").getWord(1));
            assertThrows(IllegalArgumentException.class, () -> model.cycle(model.port("io_value")));
        }
        var wide = TestModels.build().build(TestModels.fixture("bench"), "Bench", TestModels.BENCH);
        try (var model = NativeModel.open(wide)) {
            var e = assertThrows(UnsupportedOperationException.class, () -> model.port("io_y").get());
            assertTrue(e.getMessage().contains("use getBig() or getWord(i)"), e.getMessage());
            var w = assertThrows(IndexOutOfBoundsException.class, () -> model.port("io_b").setWord(4, 1));
            assertTrue(w.getMessage().contains("has words 0..3, not 4"), w.getMessage());
        }
    }

    @Test
    void missingVerilatorFailsWithTheSetUpInstruction(@TempDir Path empty) {
        var e = assertThrows(IllegalStateException.class, () -> Toolchain.detect(empty.toString()));
        assertEquals("verilator not found: run scripts/setup (apt-get install -y verilator)", e.getMessage());
    }
}
