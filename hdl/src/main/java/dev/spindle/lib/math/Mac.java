package dev.spindle.lib.math;

import dev.spindle.hdl.BitVector;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Require;

/**
 * Multiply-accumulate: at each clock edge {@code acc <- fit((clear ? 0 : acc) + (enable ? a*b : 0))}, where
 * {@code fit} wraps to {@code accWidth} bits or saturates to its range ({@link Overflow}). {@code clear} and
 * {@code enable} together start a new sum with this product, so dot products run back to back. With
 * {@code registerProduct} the product and both controls pass a register first (a DSP's M register).
 * The accumulator resets to 0.
 *
 * <p><b>Latency</b> = {@code 1 + (registerProduct ? 1 : 0)} cycles: {@code acc} includes the inputs presented that
 * many clock edges earlier. One product per clock.
 *
 * <p>Inline: {@code SInt acc = Mac.accumulate(cfg, a, b, enable, clear)}. As a component: {@code io_a}, {@code io_b}
 * (SInt when {@code signed}, else UInt), {@code io_enable}, {@code io_clear} in; {@code io_acc} out.
 * Bit-exact model: {@link MacModel}.
 */
public final class Mac extends ConfiguredComponent<Mac.Config> {
    public record Config(int aWidth, int bWidth, boolean signed, int accWidth, Overflow overflow, boolean registerProduct) {
        public Config {
            Require.range("aWidth", aWidth, 1, 31);
            Require.range("bWidth", bWidth, 1, 31);
            Require.range("accWidth", accWidth, 2, 62);
            Require.nonNull("overflow", overflow);
        }

        public int latency() { return registerProduct ? 2 : 1; }
    }

    public static final class Io extends Bundle {
        public final BitVector<?> a;
        public final BitVector<?> b;
        public final Bool enable;
        public final Bool clear;
        public final BitVector<?> acc;

        Io(Config c) {
            a = in(Ints.type(c.signed(), c.aWidth()));
            b = in(Ints.type(c.signed(), c.bWidth()));
            enable = in(Bool.type());
            clear = in(Bool.type());
            acc = out(Ints.type(c.signed(), c.accWidth()));
        }
    }

    public final Io io;

    public Mac(Config c) {
        super(c);
        io = new Io(c);
        io.acc.assign(build(c, io.a, io.b, io.enable, io.clear));
    }

    /** The accumulator register of a MAC on {@code a} and {@code b} (both SInt or both UInt, of the config's widths). */
    @SuppressWarnings("unchecked")
    public static <T extends BitVector<T>> T accumulate(Config c, T a, T b, Bool enable, Bool clear) {
        return (T) build(c, a, b, enable, clear);
    }

    private static BitVector<?> build(Config c, BitVector<?> a, BitVector<?> b, Bool enable, Bool clear) {
        if (Ints.signed(a) != c.signed() || Ints.signed(b) != c.signed() || a.width() != c.aWidth() || b.width() != c.bWidth()) {
            throw new IllegalArgumentException("Mac: operands are " + describe(a) + " and " + describe(b) + ", the config says "
                    + (c.signed() ? "SInt" : "UInt") + "[" + c.aWidth() + "] and [" + c.bWidth() + "]");
        }
        BitVector<?> product = Ints.mul(a, b);
        if (c.registerProduct()) {
            product = Ints.register(product, null, "mac_product");
            enable = Ints.hint(Hdl.RegNext(enable, Bool.lit(false)), "mac_enable");
            clear = Ints.hint(Hdl.RegNext(clear, Bool.lit(false)), "mac_clear");
        }
        BitVector<?> acc = Ints.hint(Hdl.RegInit(Ints.zero(c.signed(), c.accWidth())), "mac_acc");
        int w = Math.max(c.accWidth(), product.width());
        BitVector<?> base = Ints.mux(clear, Ints.zero(c.signed(), c.accWidth()), acc);
        BitVector<?> addend = Ints.mux(enable, product, Ints.zero(c.signed(), product.width()));
        BitVector<?> sum = Ints.addExpand(Ints.resize(base, w), Ints.resize(addend, w));
        acc.assign(Ints.fit(sum, c.accWidth(), c.overflow() == Overflow.SATURATE));
        return acc;
    }

    private static String describe(BitVector<?> x) { return x.getClass().getSimpleName() + "[" + x.width() + "]"; }
}
