package dev.spindle.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The words that fired on one stream, for its agent: how many, the cycles of the first and the latest, and, when
 * asked for, a listener called with each and a log of all of them.
 */
final class Fires<V> {
    private final String stream;
    private Beat.Listener<V> listener;
    private List<Beat<V>> log;
    private long count;
    private long first = -1;
    private long last = -1;

    Fires(String stream) { this.stream = stream; }

    void listen(Beat.Listener<V> listener) { this.listener = listener; }

    void record() { if (log == null) log = new ArrayList<>(); }

    List<Beat<V>> log(String what) {
        if (log == null) throw new IllegalStateException(stream + ": call record() before the run to keep the words " + what);
        return log;
    }

    /** True when someone wants the values (so the monitor decodes them). */
    boolean wanted() { return listener != null || log != null; }

    void fired(V value, long cycle) {
        if (count++ == 0) first = cycle;
        last = cycle;
        if (listener != null) listener.beat(value, cycle);
        if (log != null) log.add(new Beat<>(value, cycle));
    }

    /** A word fired whose value nobody wants. */
    void counted(long cycle) {
        if (count++ == 0) first = cycle;
        last = cycle;
    }

    long count() { return count; }

    long first() { return first; }

    long last() { return last; }
}
