package dev.spindle.sim;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Stream;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Random;

import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed stream agents: a bundle payload round-trips as a record under random gaps and back-pressure, and the
 * protocol check catches a source that drops valid or changes its payload while stalled (with the cycle, the
 * stream's name and the seed in the message). One design holds all three streams, so one model is built.
 */
@SpindleSim
class StreamAgentsTest {
    static final FixFormat X = FixFormat.parse("s3.5");

    static final class Sample extends Bundle {
        final UInt a = field(UInt.type(8));
        final SInt wide = field(SInt.type(70));
        final Bool flag = field(Bool.type());
        final SFix x = field(SFix.type(X));
        final Vec<SInt> v = field(Vec.type(SInt.type(5), 3));
    }

    record SampleValue(long a, BigInteger wide, boolean flag, double x, long[] v) {}

    static final class Top extends Component {
        static final class Io extends Bundle {
            final Stream<Sample> input = slave(Stream.of(Sample::new));
            final Stream<Sample> output = master(Stream.of(Sample::new));
            final Stream<UInt> dropsValid = master(Stream.of(UInt.type(8)));
            final Stream<UInt> changesPayload = master(Stream.of(UInt.type(8)));
        }

        final Io io = new Io();

        Top() {
            io.output.connectFrom(io.input.queue(2).m2sPipe());
            UInt count = RegInit(UInt.lit(0, 8));
            count.assign(count.add(1));
            io.dropsValid.valid.assign(count.bit(0));
            io.dropsValid.payload.assign(count);
            io.changesPayload.valid.assign(True());
            io.changesPayload.payload.assign(count);
        }
    }

    @Dut static Top dut() { return new Top(); }

    @Test
    void bundleRoundTripsAsARecordUnderGapsAndBackPressure(Sim<Top> sim, Random rnd) {
        var io = sim.dut().io;
        var in = new StreamDriver<>(sim, io.input, Codec.record(io.input.payload, SampleValue.class), rnd, 0.4);
        var out = new StreamMonitor<>(sim, io.output, Codec.record(io.output.payload, SampleValue.class), rnd, 0.4);
        Scoreboard<SampleValue> board = new Scoreboard<>("round trip");
        out.checkWith(board);
        for (int i = 0; i < 500; i++) {
            long[] v = {rnd.nextInt(32) - 16, rnd.nextInt(32) - 16, rnd.nextInt(32) - 16};
            var s = new SampleValue(rnd.nextInt(256), new BigInteger(69, rnd).subtract(BigInteger.ONE.shiftLeft(68)),
                    rnd.nextBoolean(), X.toDouble(X.minRaw() + rnd.nextInt(256)), v);
            in.push(s);
            board.expect(s);
        }
        sim.runUntil(() -> board.matched() == 500, 10_000);
        board.assertDone();
        assertTrue(out.lastFire() - out.firstFire() > 600, "gaps and back-pressure slowed the stream");
    }

    @Test
    void monitorCatchesValidDroppedWhileStalled(Sim<Top> sim, Random rnd) {
        StreamMonitor.on(sim, sim.dut().io.dropsValid, rnd, 0.5);
        AssertionError e = assertThrows(AssertionError.class, () -> sim.cycles(200));
        assertTrue(e.getMessage().matches("stream io_dropsValid, cycle \\d+: valid dropped while stalled .*\\(seed -?\\d+, rerun with -Dspindle.seed=-?\\d+\\)"),
                e.getMessage());
    }

    @Test
    void monitorCatchesPayloadChangedWhileStalled(Sim<Top> sim, Random rnd) {
        StreamMonitor.on(sim, sim.dut().io.changesPayload, rnd, 0.5);
        AssertionError e = assertThrows(AssertionError.class, () -> sim.cycles(200));
        assertTrue(e.getMessage().matches("stream io_changesPayload, cycle \\d+: payload changed while stalled: "
                + "io_changesPayload_payload 0x[0-9a-f]+ -> 0x[0-9a-f]+ \\(seed .*"), e.getMessage());
    }

    @Test
    void theCheckCanBeTurnedOffOnlyWithAReason(Sim<Top> sim, Random rnd) {
        var m = StreamMonitor.on(sim, sim.dut().io.changesPayload, rnd, 0.5);
        assertThrows(IllegalArgumentException.class, () -> m.withoutProtocolCheck(" "));
        m.withoutProtocolCheck("a counter that ignores ready");
        sim.cycles(200);
        assertTrue(m.fired() > 50 && m.fired() < 150, "fired " + m.fired());
    }

    @Test
    void pushedValuesAreCheckedAgainstThePayload(Sim<Top> sim, Random rnd) {
        var io = sim.dut().io;
        var in = new StreamDriver<>(sim, io.input, Codec.record(io.input.payload, SampleValue.class), rnd, 0);
        var range = assertThrows(IllegalArgumentException.class,
                () -> in.push(new SampleValue(300, BigInteger.ZERO, false, 0, new long[3])));
        assertEquals("io_input_payload_a: 300 is out of range for 8 bits: allowed 0 to 255", range.getMessage());
        var length = assertThrows(IllegalArgumentException.class,
                () -> in.push(new SampleValue(3, BigInteger.ZERO, false, 0, new long[2])));
        assertEquals("io_input_payload_v_0: the Vec has 3 elements, the value 2", length.getMessage());
        var type = assertThrows(IllegalArgumentException.class, () -> StreamDriver.on(sim, io.input, rnd, 0));
        assertTrue(type.getMessage().contains("a Sample payload has no default Java value"), type.getMessage());
    }
}
