package dev.spindle.lib.stream;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.Spindle;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Port and register names as SpinalHDL gives them, and the configuration checks. */
class StreamNamingTest {
    static final class Packets extends Component {
        static final class Io extends Bundle {
            final Stream<Fragment<UInt>> input = slave(new Stream<>(Fragment.type(UInt.type(8))));
            final Stream<Fragment<UInt>> output = master(new Stream<>(Fragment.type(UInt.type(8))));
            final Flow<UInt> events = master(new Flow<>(UInt.type(4)));
        }

        final Io io = new Io();
        final Stream<Fragment<UInt>> staged;

        Packets() {
            staged = io.input.m2sPipe();
            List<Stream<Fragment<UInt>>> copies = staged.fork(2);
            io.output.connectFrom(copies.get(0).s2mPipe());
            io.events.connectFrom(copies.get(1).toFlow().m2sPipe().map(p -> p.fragment.resize(4)));
        }
    }

    private static VerilogOutput emit() { return VerilogBackend.emit(Spindle.elaborate(Packets::new)); }

    /** Two slave streams and one master stream of bytes, for the operators between them. */
    static final class TwoToOne extends Bundle {
        final Stream<UInt> first = slave(new Stream<>(UInt.type(8)));
        final Stream<UInt> second = slave(new Stream<>(UInt.type(8)));
        final Stream<UInt> output = master(new Stream<>(UInt.type(8)));
    }

    @Test void portsFlattenAsInSpinalHdl() {
        List<String> ports = emit().manifest().ports().stream().map(Manifest.Port::name).toList();
        assertEquals(List.of("io_input_valid", "io_input_ready", "io_input_payload_last", "io_input_payload_fragment",
                "io_output_valid", "io_output_ready", "io_output_payload_last", "io_output_payload_fragment",
                "io_events_valid", "io_events_payload", "clk", "reset"), ports);
    }

    @Test void registersAreNamedAfterTheirStream() {
        String v = emit().files().get("Packets.v");
        for (String decl : List.of("reg  io_input_rValid;", "reg  io_input_rData_last;", "reg  [7:0] io_input_rData_fragment;",
                "wire staged_valid;", "wire staged_fork_0_valid;", "reg  staged_fork_0_rValidN;", "reg  [7:0] staged_fork_0_rData_fragment;",
                "wire staged_fork_0_s2mPipe_valid;", "wire staged_fork_1_toFlow_valid;", "reg  staged_fork_1_toFlow_rValid;",
                "wire [3:0] staged_fork_1_toFlow_m2sPipe_translated_payload;")) {
            assertTrue(v.contains(decl), decl + " in\n" + v);
        }
    }

    @Test void queueIsAStreamFifoWithSpinalHdlPorts() {
        class Queued extends Component {
            final TwoToOne io = new TwoToOne();
            Queued() {
                io.output.connectFrom(io.first.queue(3));
                io.second.ready.assign(False());
            }
        }
        VerilogOutput out = VerilogBackend.emit(Spindle.elaborate(Queued::new));
        String fifo = out.files().get("StreamFifo.v");
        for (String port : List.of("io_push_valid", "io_push_ready", "io_push_payload", "io_pop_valid", "io_pop_ready",
                "io_pop_payload", "io_flush", "io_occupancy", "io_availability")) {
            assertTrue(fifo.contains(" " + port + ","), port);
        }
        assertTrue(out.files().get("Queued.v").contains("wire io_first_queue_valid;"), out.files().get("Queued.v"));
    }

    @Test void configurationsNameTheFaultyField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StreamFifo.Config(0, false)).getMessage().startsWith("depth = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StreamFork.Config(0, true)).getMessage().startsWith("n = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StreamWidthAdapter.Config(8, 20)).getMessage().contains("multiples"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new StreamArbiter.Config(2, StreamArbiter.Arbitration.ROUND_ROBIN, null)).getMessage().startsWith("lock"));
        class FragmentLockOnBytes extends Component {
            final TwoToOne io = new TwoToOne();
            FragmentLockOnBytes() {
                io.output.connectFrom(StreamArbiter.on(List.of(io.first, io.second), StreamArbiter.Arbitration.LOWEST_FIRST,
                        StreamArbiter.Lock.FRAGMENT));
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Spindle.elaborate(FragmentLockOnBytes::new));
        assertTrue(e.getMessage().contains("Fragment"), e.getMessage());
    }
}
