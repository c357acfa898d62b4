package dev.spindle.sim;

/** A payload value that fired on a stream, and the cycle it fired in. */
public record Beat<V>(V value, long cycle) {
    /** Called for every word as it fires (e.g. {@code scoreboard::actual}). */
    @FunctionalInterface
    public interface Listener<V> {
        void beat(V value, long cycle);
    }

    @Override public boolean equals(Object o) { return o instanceof Beat<?> b && cycle == b.cycle && Values.equal(value, b.value); }

    @Override public int hashCode() { return Values.hash(value) * 31 + Long.hashCode(cycle); }

    @Override public String toString() { return Values.show(value) + " @" + cycle; }
}
