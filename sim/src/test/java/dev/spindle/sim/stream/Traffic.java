package dev.spindle.sim.stream;

import dev.spindle.sim.Agent;
import dev.spindle.sim.FragmentBeat;
import dev.spindle.sim.Scoreboard;
import dev.spindle.sim.Sim;
import dev.spindle.sim.SimPort;
import dev.spindle.sim.SimSession;
import dev.spindle.sim.StreamDriver;
import dev.spindle.sim.StreamMonitor;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random traffic on one channel of a {@link StreamBank}, through the typed agents: every input stream gets
 * {@code words} random payloads (the final one of a {@code Fragment} stream has {@code last} set, so every packet
 * ends) with random gaps, every output stream random back-pressure and the protocol check, and the control input
 * a random value every cycle. Every word that fires on any stream is logged with its cycle and the control value
 * then. All randomness comes from the test's seeded {@code Random}: the seed replays a run.
 */
final class Traffic {
    private Traffic() {}

    /** Valid and ready probabilities, in percent. */
    record Pattern(int validPercent, int readyPercent) {
        double gap() { return 1 - validPercent / 100.0; }

        double backPressure() { return 1 - readyPercent / 100.0; }

        boolean fullRate() { return validPercent == 100 && readyPercent == 100; }

        @Override public String toString() { return "valid " + validPercent + "%, ready " + readyPercent + "%"; }
    }

    /**
     * The patterns every operator is tested under: full rate both sides (first: the timing checks use it), random
     * gaps and back-pressure, a fast producer against a slow consumer, and the reverse.
     */
    static final List<Pattern> PATTERNS = List.of(new Pattern(100, 100), new Pattern(50, 50), new Pattern(90, 25), new Pattern(25, 90));

    /** A word that fired: its value (as the payload's codec gives it), the cycle, the control input's value then. */
    record Fire(Object value, long cycle, long ctrl) {
        long asLong() { return (Long) value; }

        FragmentBeat<?> beat() { return (FragmentBeat<?>) value; }
    }

    /** What a run saw on every stream of the channel. */
    record Run(Pattern pattern, List<List<Fire>> inputs, List<List<Fire>> outputs) {
        List<Fire> in(int i) { return inputs.get(i); }

        List<Fire> out(int j) { return outputs.get(j); }

        /** A message prefix naming the pattern (the seed comes with every failure from the harness). */
        String where() { return "[" + pattern + "] "; }
    }

    static List<Object> values(List<Fire> fires) { return fires.stream().map(Fire::value).toList(); }

    static List<Long> longs(List<Fire> fires) { return fires.stream().map(Fire::asLong).toList(); }

    static List<Long> cycles(List<Fire> fires) { return fires.stream().map(Fire::cycle).toList(); }

    /** Runs every pattern on a fresh simulation of {@code bank}'s channel {@code channel}, protocol checked. */
    static List<Run> patterns(SimSession session, Supplier<StreamBank> bank, String channel, int words, Random rnd) {
        return patterns(session, bank, channel, words, rnd, null);
    }

    /** The same; a non-null {@code unchecked} turns the outputs' protocol check off and says why. */
    static List<Run> patterns(SimSession session, Supplier<StreamBank> bank, String channel, int words, Random rnd, String unchecked) {
        List<Run> runs = new ArrayList<>();
        for (Pattern p : PATTERNS) runs.add(run(session.sim(bank), channel, p, words, rnd, unchecked));
        return runs;
    }

    static Run run(Sim<StreamBank> sim, String channel, Pattern pattern, int words, Random rnd, String unchecked) {
        StreamBank.Ports<?, ?> ports = sim.dut().io.channel(channel);
        SimPort ctrl = ports.ctrl == null ? null : sim.port(ports.ctrl);
        if (ctrl != null) {
            long mask = ctrl.width() == 64 ? -1L : (1L << ctrl.width()) - 1;
            sim.add(new Agent() {
                @Override public void drive(long cycle) { ctrl.setRaw(rnd.nextLong() & mask); }

                @Override public void sample(long cycle) { }
            });
        }
        List<StreamDriver<Object>> drivers = new ArrayList<>();
        List<List<Fire>> inputs = new ArrayList<>();
        for (var stream : ports.inputs) {
            List<Fire> log = new ArrayList<>();
            StreamDriver<Object> d = StreamDriver.on(sim, stream, rnd, pattern.gap());
            d.onBeat((v, c) -> log.add(new Fire(v, c, ctrl == null ? 0 : ctrl.raw())));
            for (int i = 0; i < words; i++) {
                Object v = d.codec().random(rnd);
                if (i == words - 1 && v instanceof FragmentBeat<?> b) v = FragmentBeat.of(b.fragment(), true);
                d.push(v);
            }
            drivers.add(d);
            inputs.add(log);
        }
        List<StreamMonitor<Object>> monitors = new ArrayList<>();
        List<List<Fire>> outputs = new ArrayList<>();
        for (var stream : ports.outputs) {
            List<Fire> log = new ArrayList<>();
            StreamMonitor<Object> m = StreamMonitor.on(sim, stream, rnd, pattern.backPressure());
            if (unchecked != null) m.withoutProtocolCheck(unchecked);
            m.onBeat((v, c) -> log.add(new Fire(v, c, ctrl == null ? 0 : ctrl.raw())));
            monitors.add(m);
            outputs.add(log);
        }
        long limit = 100 + (long) words * 800 / Math.max(1, Math.min(pattern.validPercent(), pattern.readyPercent()));
        long quiet = 0;
        long fired = 0;
        while (quiet < 64 && sim.cycleCount() < limit) {
            sim.cycle();
            long now = 0;
            for (var m : monitors) now += m.fired();
            boolean busy = now != fired || drivers.stream().anyMatch(d -> !d.idle());
            fired = now;
            quiet = busy ? 0 : quiet + 1;
        }
        return new Run(pattern, inputs, outputs);
    }

    /** Fails unless {@code actual} is {@code expected}, word for word, in order (a scoreboard of the payload's values). */
    static void assertWords(Run r, List<?> expected, List<Fire> actual) {
        Scoreboard<Object> board = new Scoreboard<>(r.where() + "words");
        board.expectAll(expected);
        for (Fire f : actual) board.actual(f.value(), f.cycle());
        board.assertDone();
    }
}
