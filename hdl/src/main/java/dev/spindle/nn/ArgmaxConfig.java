package dev.spindle.nn;

import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.lib.math.MaxTree;

/**
 * Configuration of {@link Argmax}: the index of the largest of {@code lanes} raw values in {@code input} (the lowest
 * index on ties), an argmax head's class. The compare tree registers after every {@code registerEvery} levels
 * (1..8; 2 keeps a level pair, a compare and a select each, within the logic-depth budget).
 */
public record ArgmaxConfig(int lanes, FixFormat input, int registerEvery) {
    public ArgmaxConfig {
        Require.range("lanes", lanes, 1, 4096);
        Require.nonNull("input", input);
        Require.that(input.signed(), "input", "must be signed (s<I>.<F>), got " + input);
        Require.range("input width (" + input + ")", input.width(), 2, 32);
        Require.range("registerEvery", registerEvery, 1, 8);
    }

    /** The configuration of a head over {@code lanes} logits, its tree registered every two levels. */
    public static ArgmaxConfig of(int lanes, FixFormat input) { return new ArgmaxConfig(lanes, input, 2); }

    /** Bits of the class index: {@code max(1, ceil(log2 lanes))}. */
    public int indexWidth() { return Math.max(1, Hdl.ceilLog2(lanes)); }

    /** The output lane's width: the index and a sign bit (the unsigned index in an SInt lane, as every head's outputs). */
    public int outputWidth() { return indexWidth() + 1; }

    /** The class index's format, {@code u<indexWidth>.0}. */
    public FixFormat output() { return FixFormat.unsigned(indexWidth(), 0); }

    /** The tree's registers plus the output register. */
    public int latency() { return MaxTree.latency(lanes, registerEvery) + 1; }
}
