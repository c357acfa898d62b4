package dev.spindle.lib.math;

import dev.spindle.hdl.BitVector;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * The maximum of n signed or unsigned integers and, optionally, its index (the lowest index on ties): a balanced
 * tree of compare-and-select nodes, the left operand covering the lower indices and winning ties, with a register
 * after every {@code k}-th level ({@code k = registerEvery}; 0: purely combinational). The index grows by one bit
 * per level (which half won), so no index constants travel the tree. One result per clock.
 *
 * <p><b>Latency</b> = {@code floor(ceil(log2 n) / k)} cycles ({@code 0} when {@code k = 0}).
 *
 * <p>Inline: {@code MaxTree.max(xs, k)} or {@code MaxTree.argMax(xs, k)}. As a component: {@code io_in_*} in,
 * {@code io_max} out, {@code io_index} ({@code max(1, ceil(log2 n))} bits) with {@code withIndex}, and
 * {@code io_inValid}/{@code io_outValid} with {@code withValid}. Bit-exact model: {@link MaxTreeModel}.
 */
public final class MaxTree extends ConfiguredComponent<MaxTree.Config> {
    public record Config(int n, int width, boolean signed, int registerEvery, boolean withIndex, boolean withValid) {
        public Config {
            Require.range("n", n, 1, 4096);
            Require.range("width", width, 1, 63);
            Tree.checkRegisterEvery(registerEvery);
        }

        public int indexWidth() { return Math.max(1, Hdl.ceilLog2(n)); }

        public int latency() { return MaxTree.latency(n, registerEvery); }
    }

    public static final class Io extends Bundle {
        public final Vec<BitVector<?>> in;
        public final Bool inValid;
        public final BitVector<?> max;
        public final UInt index;
        public final Bool outValid;

        Io(Config c) {
            in = in(Vec.type(Ints.type(c.signed(), c.width()), c.n()));
            inValid = c.withValid() ? in(Bool.type()) : null;
            max = out(Ints.type(c.signed(), c.width()));
            index = c.withIndex() ? out(UInt.type(c.indexWidth())) : null;
            outValid = c.withValid() ? out(Bool.type()) : null;
        }
    }

    /** A maximum and the index of its first occurrence ({@code max(1, ceil(log2 n))} bits). */
    public record Result<T>(T max, UInt index) {}

    public final Io io;

    public MaxTree(Config c) {
        super(c);
        io = new Io(c);
        List<BitVector<?>> xs = new ArrayList<>();
        for (BitVector<?> x : io.in) xs.add(x);
        Result<BitVector<?>> r = build(xs, c.registerEvery(), null, c.withIndex());
        io.max.assign(r.max());
        if (c.withIndex()) io.index.assign(r.index());
        if (c.withValid()) io.outValid.assign(Ints.delayValid(io.inValid, c.latency(), null, "valid"));
    }

    /** The maximum of {@code xs} (all SInt or all UInt, extended to the widest). */
    public static <T extends BitVector<T>> T max(List<T> xs, int registerEvery) { return max(xs, registerEvery, null); }

    /** {@link #max(List, int)} whose registers advance only while {@code enable} holds (null: always). */
    @SuppressWarnings("unchecked")
    public static <T extends BitVector<T>> T max(List<T> xs, int registerEvery, Bool enable) {
        return (T) build(xs, registerEvery, enable, false).max();
    }

    /** The maximum and the lowest index holding it. */
    public static <T extends BitVector<T>> Result<T> argMax(List<T> xs, int registerEvery) { return argMax(xs, registerEvery, null); }

    /** {@link #argMax(List, int)} whose registers advance only while {@code enable} holds (null: always). */
    @SuppressWarnings("unchecked")
    public static <T extends BitVector<T>> Result<T> argMax(List<T> xs, int registerEvery, Bool enable) {
        Result<BitVector<?>> r = build(xs, registerEvery, enable, true);
        return new Result<>((T) r.max(), r.index());
    }

    /** floor(ceil(log2 n) / registerEvery) cycles; 0 for registerEvery = 0. */
    public static int latency(int n, int registerEvery) { return Tree.latency(n, registerEvery); }

    /** A tree element: the winner so far and its index within the subtree (level l: l bits; null at the leaves). */
    private record Best(BitVector<?> value, UInt index) {}

    private static Result<BitVector<?>> build(List<? extends BitVector<?>> xs, int registerEvery, Bool enable, boolean withIndex) {
        Ints.sameSignedness("MaxTree", xs);
        int w = Ints.maxWidth(xs);
        List<Best> leaves = new ArrayList<>();
        for (BitVector<?> x : xs) leaves.add(new Best(Ints.resize(x, w), null));
        Best root = Tree.reduce(leaves, registerEvery, enable, "maxTree", new Tree.Ops<>() {
            @Override public Best combine(Best a, Best b, int level) {
                Bool right = Ints.gt(b.value(), a.value());                   // strictly greater: ties keep the left
                BitVector<?> v = Ints.mux(right, b.value(), a.value());
                if (!withIndex) return new Best(v, null);
                UInt index = level == 1 ? right.asUInt() : Hdl.cat(right, Hdl.mux(right, b.index(), a.index())).asUInt();
                return new Best(v, index);
            }

            @Override public Best pass(Best a, int level) {
                if (!withIndex) return a;
                return new Best(a.value(), level == 1 ? UInt.lit(0, 1) : Hdl.cat(Bool.lit(false), a.index()).asUInt());
            }

            @Override public Best register(Best e, Bool en, String name) {
                return new Best(Ints.register(e.value(), en, name), e.index() == null ? null : Ints.register(e.index(), en, name + "_index"));
            }
        });
        UInt index = root.index() == null ? UInt.lit(0, 1) : root.index();
        return new Result<>(root.value(), index);
    }
}
