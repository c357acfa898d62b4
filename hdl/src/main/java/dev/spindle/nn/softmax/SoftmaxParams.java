package dev.spindle.nn.softmax;

import dev.spindle.hdl.Hdl;

import java.util.Map;

/**
 * The derived, internal parameters of a softmax unit: every width, ROM and constant the hardware needs, computed from a
 * {@link SoftmaxConfig} and sized from the error bound. The ROM contents are part of the specification: the RTL
 * generator must put exactly {@link #tables()} into its ROMs.
 */
public sealed interface SoftmaxParams permits ExpTableParams, Base2Params, ShiftmaxParams {

    SoftmaxConfig config();

    /** Stated bound on {@code |model - float reference|} for every probability (absolute, in probability units). */
    double errorBound();

    /** Stated bound on {@code |sum of a row's outputs - 1|}. */
    double sumErrorBound();

    /**
     * Cycles from a row's first input beat being accepted (cycle 0) to its first output beat being valid, for a
     * gap-free input and an always-ready output, in the pipeline suggested in {@code docs/softmax.md}. The row's last
     * output beat follows {@code length/lanes - 1} cycles later; rows may follow each other back to back.
     */
    int latency();

    /** ROM name to contents (unsigned integers, index order); empty when the algorithm has no ROM. */
    Map<String, long[]> tables();

    /** Multi-line, datasheet-style summary: the configuration, its {@link #datapath()}, latency and bounds. */
    default String describe() {
        return config() + "\n" + datapath() + String.format("  latency %d cycles; error bound %.3f LSB per probability, sum bound %.4f%n",
                latency(), errorBound() / outLsb(), sumErrorBound());
    }

    /** The algorithm's lines of {@link #describe()}: widths, ROMs, multipliers per lane, stores. */
    String datapath();

    static SoftmaxParams of(SoftmaxConfig config) {
        return switch (config.algorithm()) {
            case EXP_TABLE -> ExpTableParams.of(config);
            case BASE2 -> Base2Params.of(config);
            case SHIFTMAX -> ShiftmaxParams.of(config);
        };
    }

    /** Beats per row, {@code length / lanes}. */
    default int beatsPerRow() { return config().length() / config().lanes(); }

    /** Levels of a registered lane tree (max or sum) over {@code lanes} values: {@code ceil(log2 lanes)}. */
    default int treeLevels() { return Hdl.ceilLog2(config().lanes()); }

    /** Lane trees register after every this many levels in EXP_TABLE and SHIFTMAX (BASE2's register every level). */
    int TREE_REGISTER_EVERY = 2;

    /**
     * Registered stages of EXP_TABLE's and SHIFTMAX's lane max and sum trees, {@code ts = floor(t / 2)}: a register
     * after every second level (a tree of one level is combinational, into the accumulator's register).
     */
    default int treeStages() { return treeLevels() / TREE_REGISTER_EVERY; }

    /** The output LSB, {@code 2^-F_out}. */
    default double outLsb() { return config().output().lsb(); }

    /** Largest output raw value: probability 1.0 ({@code 2^F_out}) or the format's maximum if smaller. */
    default long outMaxRaw() { return Math.min(1L << config().output().fracBits(), config().output().maxRaw()); }

    /**
     * Registered stages of the softmax's restoring divider for a {@code bits}-bit quotient, {@code floor(bits/2) + 1}:
     * {@link #singleBitStages} stages of one bit (which also compute three times the divisor), then two bits a stage.
     */
    static int dividerStages(int bits) {
        int single = singleBitStages(bits);
        return single + (bits - single) / 2;
    }

    /** Registered stages of the one-beat rows' radix-8 divider for {@code bits} quotient bits: three a stage, {@code ceil(bits/3)}. */
    static int radix8DividerStages(int bits) { return (bits + 2) / 3; }

    /** The divider's first stages, one quotient bit each: 1, or 2 when {@code bits - 1} is odd (so the rest pair up). */
    static int singleBitStages(int bits) { return bits <= 1 ? bits : 1 + ((bits - 1) & 1); }

    /** Fails with a message naming the fields when a derived accumulator would exceed 48 bits. */
    static void requireAccumulator(String what, int bits, SoftmaxConfig c) {
        if (bits > 48) {
            throw new IllegalArgumentException("output.fracBits = " + c.output().fracBits() + " with length = " + c.length()
                    + " needs a " + bits + "-bit " + c.algorithm() + " " + what
                    + ": allowed at most 48 bits; use fewer output.fracBits or a shorter length");
        }
    }
}
