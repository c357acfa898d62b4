package dev.spindle.lib.math;

import dev.spindle.hdl.BitVector;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.Vec;

import java.util.ArrayList;
import java.util.List;

/**
 * The sum of n signed or unsigned integers at full precision, {@code width + ceil(log2 n)} bits: a balanced tree of
 * two-input adders (each one bit wider than its operands) with a register after every {@code k}-th level
 * ({@code k = registerEvery}; 0: purely combinational). One sum per clock.
 *
 * <p><b>Latency</b> = {@code floor(ceil(log2 n) / k)} cycles ({@code 0} when {@code k = 0}).
 *
 * <p>Inline: {@code SInt s = AdderTree.sum(xs, 2)}. As a component: {@code io_in_0 .. io_in_<n-1>} (SInt when
 * {@code signed}, else UInt) in, {@code io_sum} out, and with {@code withValid} {@code io_inValid} delayed
 * alongside to {@code io_outValid}. Bit-exact model: {@link AdderTreeModel}.
 */
public final class AdderTree extends ConfiguredComponent<AdderTree.Config> {
    public record Config(int n, int width, boolean signed, int registerEvery, boolean withValid) {
        public Config {
            Require.range("n", n, 1, 4096);
            Ints.range("width", width, 1, 63 - Hdl.ceilLog2(n), "the sum has width + ceil(log2 n) bits, at most 63, for n = " + n);
            Tree.checkRegisterEvery(registerEvery);
        }

        public int outWidth() { return width + Hdl.ceilLog2(n); }

        public int latency() { return AdderTree.latency(n, registerEvery); }
    }

    public static final class Io extends Bundle {
        public final Vec<BitVector<?>> in;
        public final Bool inValid;
        public final BitVector<?> sum;
        public final Bool outValid;

        Io(Config c) {
            in = in(Vec.type(Ints.type(c.signed(), c.width()), c.n()));
            inValid = c.withValid() ? in(Bool.type()) : null;
            sum = out(Ints.type(c.signed(), c.outWidth()));
            outValid = c.withValid() ? out(Bool.type()) : null;
        }
    }

    public final Io io;

    public AdderTree(Config c) {
        super(c);
        io = new Io(c);
        List<BitVector<?>> xs = new ArrayList<>();
        for (BitVector<?> x : io.in) xs.add(x);
        io.sum.assign(build(xs, c.registerEvery(), null));
        if (c.withValid()) io.outValid.assign(Ints.delayValid(io.inValid, c.latency(), null, "valid"));
    }

    /** The full-precision sum of {@code xs} (all SInt or all UInt): {@code maxWidth + ceil(log2 n)} bits. */
    public static <T extends BitVector<T>> T sum(List<T> xs, int registerEvery) { return sum(xs, registerEvery, null); }

    /** {@link #sum(List, int)} whose registers advance only while {@code enable} holds (a pipeline clock enable). */
    @SuppressWarnings("unchecked")
    public static <T extends BitVector<T>> T sum(List<T> xs, int registerEvery, Bool enable) {
        return (T) build(xs, registerEvery, enable);
    }

    /** floor(ceil(log2 n) / registerEvery) cycles; 0 for registerEvery = 0. */
    public static int latency(int n, int registerEvery) { return Tree.latency(n, registerEvery); }

    /**
     * Whether the sum of {@code n} leaves leaves the tree from one of its registers, no adder level after it
     * ({@code registerEvery > 0} dividing {@code ceil(log2 n)}; true for a single leaf, which the tree passes on as it is).
     */
    public static boolean endsInRegister(int n, int registerEvery) { return Tree.endsInRegister(n, registerEvery); }

    private static BitVector<?> build(List<? extends BitVector<?>> xs, int registerEvery, Bool enable) {
        Ints.sameSignedness("AdderTree", xs);
        int outWidth = Ints.maxWidth(xs) + Hdl.ceilLog2(xs.size());
        BitVector<?> root = Tree.reduce(new ArrayList<BitVector<?>>(xs), registerEvery, enable, "adderTree", new Tree.Ops<>() {
            @Override public BitVector<?> combine(BitVector<?> a, BitVector<?> b, int level) { return Ints.addExpand(a, b); }

            @Override public BitVector<?> pass(BitVector<?> a, int level) { return a; }

            @Override public BitVector<?> register(BitVector<?> e, Bool en, String name) { return Ints.register(e, en, name); }
        });
        return Ints.resize(root, outWidth);
    }
}
