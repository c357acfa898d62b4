package dev.spindle.sim;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Compares what the design produces with what the golden model expects, in order. The first mismatch fails
 * at once with its index and cycle; {@link #assertDone()} checks nothing was lost and nothing added.
 */
public final class Scoreboard<T> {
    private final String name;
    private final ArrayDeque<T> expected = new ArrayDeque<>();
    private long matched;

    public Scoreboard(String name) { this.name = name; }

    public void expect(T value) { expected.add(value); }

    public void actual(T value, long cycle) {
        T want = expected.poll();
        if (want == null) {
            throw new AssertionError(name + ": unexpected extra item #" + matched + " at cycle " + cycle + ": " + value);
        }
        if (!Objects.equals(want, value)) {
            throw new AssertionError(name + ": first mismatch at item #" + matched + ", cycle " + cycle
                    + ": expected " + want + " but got " + value);
        }
        matched++;
    }

    public long matched() { return matched; }

    public int outstanding() { return expected.size(); }

    public void assertDone() {
        if (!expected.isEmpty()) {
            throw new AssertionError(name + ": " + expected.size() + " expected item(s) never arrived, first: " + expected.peek()
                    + " (after " + matched + " matched)");
        }
    }
}
