package dev.spindle.sim;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The typed stream agents: a bundle payload round-trips as a record under random gaps and back-pressure, and the
 * protocol check catches a source that drops valid or changes its payload while stalled (with the cycle, the
 * stream's name and the seed in the message); a scoreboard fed by a monitor compares fragments of signed lanes on
 * the ports (in place) exactly as it compares decoded values. One design holds all the streams, so one model is built.
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
            final Stream<Fragment<Vec<SInt>>> beatsIn = slave(Stream.of(Fragment.type(Vec.type(SInt.type(6), 2))));
            final Stream<Fragment<Vec<SInt>>> beatsOut = master(Stream.of(Fragment.type(Vec.type(SInt.type(6), 2))));
        }

        final Io io = new Io();

        Top() {
            io.output.connectFrom(io.input.queue(2).m2sPipe());
            io.beatsOut.connectFrom(io.beatsIn.m2sPipe());
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

    /** Beats of signed 6-bit lane pairs, {@code last} every third beat, all values in range. */
    private static List<FragmentBeat<long[]>> beats(Random rnd, int n) {
        List<FragmentBeat<long[]>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(FragmentBeat.of(new long[] {rnd.nextInt(64) - 32, rnd.nextInt(64) - 32}, i % 3 == 2));
        return out;
    }

    /** A driver on {@code beatsIn} and a monitor on {@code beatsOut} checking with {@code board}, both 30% random. */
    private static StreamDriver<FragmentBeat<long[]>> beatsThrough(Sim<Top> sim, Random rnd, Scoreboard<FragmentBeat<long[]>> board) {
        StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, sim.dut().io.beatsIn, rnd, 0.3);
        StreamMonitor.<FragmentBeat<long[]>>on(sim, sim.dut().io.beatsOut, rnd, 0.3).checkWith(board);
        return in;
    }

    @Test
    void scoreboardComparesFragmentsOnThePortsUnderGapsAndBackPressure(Sim<Top> sim, Random rnd) {
        var io = sim.dut().io;
        StreamDriver<FragmentBeat<long[]>> in = StreamDriver.on(sim, io.beatsIn, rnd, 0.3);
        StreamMonitor<FragmentBeat<long[]>> out = StreamMonitor.on(sim, io.beatsOut, rnd, 0.3);
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("beats");
        out.checkWith(board).record();
        List<FragmentBeat<long[]>> sent = beats(rnd, 300);
        in.pushAll(sent);
        board.expectAll(sent);
        sim.runUntil(() -> board.matched() == 300, 5_000);
        board.assertDone();
        assertEquals(sent, out.received().stream().map(Beat::value).toList(), "the decoded log agrees with the board");
    }

    /** The failure of a board fed by the monitor when {@code sent} goes through and {@code wanted} is expected. */
    private static String failure(Sim<Top> sim, Random rnd, List<FragmentBeat<long[]>> sent, List<FragmentBeat<long[]>> wanted) {
        Scoreboard<FragmentBeat<long[]>> board = new Scoreboard<>("beats");
        beatsThrough(sim, rnd, board).pushAll(sent);
        board.expectAll(wanted);
        return assertThrows(AssertionError.class, () -> sim.runUntil(() -> false, 2_000)).getMessage();
    }

    /** 20 beats go through; the board expects beat {@code at} spoilt: the failure names it, expected and got. */
    private static void assertMismatchAt(Sim<Top> sim, Random rnd, int at, java.util.function.UnaryOperator<FragmentBeat<long[]>> spoil) {
        List<FragmentBeat<long[]>> sent = beats(rnd, 20);
        List<FragmentBeat<long[]>> wanted = new ArrayList<>(sent);
        wanted.set(at, spoil.apply(sent.get(at)));
        String m = failure(sim, rnd, sent, wanted);
        assertTrue(m.startsWith("beats: first mismatch at item #" + at + ", cycle "), m);
        assertTrue(m.endsWith("expected " + wanted.get(at) + " but got " + sent.get(at)), m);
    }

    @Test
    void scoreboardOnThePortsNamesTheFirstMismatchingLane(Sim<Top> sim, Random rnd) {
        assertMismatchAt(sim, rnd, 7, b -> FragmentBeat.of(new long[] {b.fragment()[0], b.fragment()[1] == 5 ? 6 : 5}, b.last()));
    }

    @Test
    void scoreboardOnThePortsCatchesALastFlag(Sim<Top> sim, Random rnd) {
        assertMismatchAt(sim, rnd, 2, b -> FragmentBeat.of(b.fragment().clone(), !b.last()));
    }

    @Test
    void scoreboardOnThePortsCatchesAnExtraWord(Sim<Top> sim, Random rnd) {
        List<FragmentBeat<long[]>> sent = beats(rnd, 4);
        String m = failure(sim, rnd, sent, sent.subList(0, 3));
        assertTrue(m.matches("beats: unexpected extra item #3 at cycle \\d+: " + java.util.regex.Pattern.quote(sent.get(3).toString())), m);
    }
}
