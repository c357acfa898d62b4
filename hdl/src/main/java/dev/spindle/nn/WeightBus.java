package dev.spindle.nn;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Stream;

import java.util.ArrayList;
import java.util.List;

import static dev.spindle.hdl.Hdl.mux;

/**
 * One weight stream for many units: the first {@code words(0)} words go to the first port added, the next
 * {@code words(1)} to the second, and so on, then it starts over (a second load replaces the first). Every port is a
 * unit's always-ready {@code io_weights}; each word is the raw value sign-extended to the bus, cut to the port.
 */
final class WeightBus {
    private record Port(Stream<SInt> stream, int words) {}

    private final List<Port> ports = new ArrayList<>();

    /** Adds {@code port}, which takes the next {@code words} words. */
    void add(Stream<SInt> port, int words) {
        if (words < 1) throw new IllegalArgumentException("words = " + words + " is out of range: allowed 1 or more");
        ports.add(new Port(port, words));
    }

    /** Appends this bus's ports, in order, to {@code other} (parts built out of weight order). */
    void forwardTo(WeightBus other) { other.ports.addAll(ports); }

    /** Total words of one load. */
    long words() {
        long n = 0;
        for (Port p : ports) n += p.words();
        return n;
    }

    /** Drives every port from {@code source} (always ready), counting unit and word with two registers. */
    void drive(Stream<SInt> source) {
        source.ready.assign(Bool.lit(true));
        if (ports.isEmpty()) return;
        int maxWords = 1;
        for (Port p : ports) maxWords = Math.max(maxWords, p.words());
        UInt unit = Hdl.RegInit(UInt.lit(0, Hdl.log2Up(ports.size()))).named("weight_unit");
        UInt word = Hdl.RegInit(UInt.lit(0, Hdl.log2Up(maxWords))).named("weight_word");
        Bool lastWord = Bool.lit(false);
        for (int k = 0; k < ports.size(); k++) lastWord = lastWord.or(unit.eq(k).and(word.eq(ports.get(k).words() - 1)));
        Bool fire = source.fire();
        Bool wrapUnit = unit.eq(ports.size() - 1);
        Bool endOfUnit = Hdl.Wire(lastWord);
        Hdl.when(fire, () -> {
            word.assign(mux(endOfUnit, UInt.lit(0, word.width()), word.add(1)));
            Hdl.when(endOfUnit, () -> unit.assign(mux(wrapUnit, UInt.lit(0, unit.width()), unit.add(1))));
        });
        for (int k = 0; k < ports.size(); k++) {
            Stream<SInt> p = ports.get(k).stream();
            p.valid.assign(source.valid.and(unit.eq(k)));
            int w = p.payload.width();
            p.payload.assign(source.payload.resize(w));
        }
    }
}
