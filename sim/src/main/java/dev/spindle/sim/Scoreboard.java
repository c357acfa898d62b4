package dev.spindle.sim;

import java.util.ArrayDeque;

/**
 * Compares what the design produces with what the golden model expects, in order, by content (arrays element by
 * element, records component by component: values typed as the stream's {@link Codec} gives them). The first
 * mismatch fails at once with its index and cycle; {@link #assertDone()} checks nothing was lost and nothing added.
 */
public final class Scoreboard<T> {
    private final String name;
    private final ArrayDeque<T> expected = new ArrayDeque<>();
    private long matched;

    public Scoreboard(String name) { this.name = name; }

    public Scoreboard<T> expect(T value) {
        expected.add(value);
        return this;
    }

    public Scoreboard<T> expectAll(Iterable<? extends T> values) {
        for (T v : values) expected.add(v);
        return this;
    }

    public void actual(T value, long cycle) {
        T want = expected.poll();
        if (want == null) throw extra(value, cycle);
        if (!Values.equal(want, value)) throw mismatch(want, value, cycle);
        matched++;
    }

    /**
     * The word on {@code ports} now, compared where it is with the next expected one (a monitor's path: no value
     * is decoded or allocated unless it is wrong).
     */
    void actualAt(StreamPorts<T> ports, long cycle) {
        T want = expected.poll();
        if (want == null) throw extra(ports.read(), cycle);
        boolean same;
        try {
            same = ports.codec.matches(want, ports.payload, 0);
        } catch (ClassCastException e) {
            same = false;   // an expected value of another type than the stream's (erased generics): a mismatch
        }
        if (!same) throw mismatch(want, ports.read(), cycle);
        matched++;
    }

    private AssertionError extra(T value, long cycle) {
        return new AssertionError(name + ": unexpected extra item #" + matched + " at cycle " + cycle + ": " + Values.show(value));
    }

    private AssertionError mismatch(T want, T value, long cycle) {
        return new AssertionError(name + ": first mismatch at item #" + matched + ", cycle " + cycle
                + ": expected " + Values.show(want) + " but got " + Values.show(value));
    }

    public long matched() { return matched; }

    public int outstanding() { return expected.size(); }

    public void assertDone() {
        if (!expected.isEmpty()) {
            throw new AssertionError(name + ": " + expected.size() + " expected item(s) never arrived, first: " + Values.show(expected.peek())
                    + " (after " + matched + " matched)");
        }
    }
}
