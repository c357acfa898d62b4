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
        if (want == null) {
            throw new AssertionError(name + ": unexpected extra item #" + matched + " at cycle " + cycle + ": " + Values.show(value));
        }
        if (!Values.equal(want, value)) {
            throw new AssertionError(name + ": first mismatch at item #" + matched + ", cycle " + cycle
                    + ": expected " + Values.show(want) + " but got " + Values.show(value));
        }
        matched++;
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
