package dev.spindle.hdl.verilog;

import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.hdl.Spindle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backend's output is deterministic and passes Verilator -Wall, Yosys and Icarus. */
class BackendTest {
    @TempDir Path dir;

    @Test
    void sameInputsGiveByteIdenticalFiles() {
        VerilogOutput first = VerilogBackend.emit(Spindle.elaborate(KitchenSink::new));
        VerilogOutput second = VerilogBackend.emit(Spindle.elaborate(KitchenSink::new));
        assertEquals(first.allFiles(), second.allFiles());
    }

    @Test
    void kitchenSinkIsLintClean() {
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(KitchenSink::new));
        // Two identical counters share one module; the black box has none.
        assertEquals(List.of("Counter.v", "KitchenSink.v"), List.copyOf(out.files().keySet()));
        String top = out.files().get("KitchenSink.v");
        assertTrue(top.contains("vendor_ip #("), top);
        assertTrue(top.contains(".aclk (clk)"), top);
        assertTrue(top.contains("always @(posedge fast_clk)"), top);
        assertEquals(List.of(), Lint.check(out, dir));
    }

    @ParameterizedTest
    @CsvSource({"counter,width=1", "counter,width=12", "counter,width=64;enable=false",
                "fifo,width=1;depth=1", "fifo,width=32;depth=5", "fifo,width=100;depth=16"})
    void exampleDesignsAreLintClean(String design, String settings) {
        Design<?, ?> entry = Designs.get(design);
        Map<String, String> set = dev.spindle.design.ConfigParser.settings(List.of(settings.split(";")));
        VerilogOutput out = VerilogBackend.emit(entry.elaborate(set));
        assertEquals(List.of(), Lint.check(out, dir));
    }

    @Test
    void lintAcceptsARelativeDirectory() throws java.io.IOException {
        Path relative = Path.of("target", "lint-relative");
        java.nio.file.Files.createDirectories(relative);
        VerilogOutput out = VerilogBackend.emit(Designs.get("fifo").elaborate(Map.of()));
        assertEquals(List.of(), Lint.check(out, relative));
    }

    @Test
    void counterPortsAreNamedLikeSpinalHdl() {
        VerilogOutput out = VerilogBackend.emit(Designs.get("counter").elaborate(Map.of("width", "12")));
        List<String> ports = out.manifest().ports().stream().map(Manifest.Port::name).toList();
        assertEquals(List.of("io_enable", "io_value", "clk", "reset"), ports);
        assertEquals(12, out.manifest().port("io_value").width());
        assertTrue(out.files().get("Counter.v").contains("reg  [11:0] count;"));
    }

    @Test
    void fifoPortsAreNamedLikeStreamFifo() {
        VerilogOutput out = VerilogBackend.emit(Designs.get("fifo").elaborate(Map.of()));
        List<String> ports = out.manifest().ports().stream().map(Manifest.Port::name).toList();
        assertEquals(List.of("io_push_valid", "io_push_ready", "io_push_payload", "io_pop_valid", "io_pop_ready",
                "io_pop_payload", "io_occupancy", "clk", "reset"), ports);
    }
}
