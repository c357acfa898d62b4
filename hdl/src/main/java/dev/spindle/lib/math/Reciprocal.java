package dev.spindle.lib.math;

import dev.spindle.hdl.BitVector;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.Hdl;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;

import java.math.BigInteger;

/**
 * {@code 1/d} for an unsigned fixed-point {@code d}: normalize {@code d = m * 2^e} with {@code m} in [1, 2) (a
 * leading-zero count and a shift), look {@code x0 ~ 1/m} up in a {@link FunctionTable} addressed by the
 * {@code tableBits} bits of {@code m} below its leading one ({@code u0.T}, {@code T = tableBits + 3}, sampled at the
 * middle of each interval), refine with one Newton-Raphson step {@code x1 = x0 (2 - m x0)} kept to
 * {@code G = output width + 2} fraction bits, then scale by {@code 2^-e}, round to the nearest output value (ties
 * up) and saturate. {@code 1/0} gives the largest output value.
 *
 * <p><b>Latency</b> = 5 cycles (normalize, table read, {@code m x0}, {@code x0 (2 - m x0)}, scale and round), one
 * result per clock.
 *
 * <p><b>Accuracy</b>, measured by {@code ReciprocalTest} against {@code 1/d} in double clamped to the output range, over
 * every input (a seeded 2^21-input sample for 24-bit inputs): at most 1 ULP of the output when
 * {@code tableBits >= output width / 2} (measured 0.50 ULP for u8.8 -> u8.8 with 8 table bits, 0.70 for
 * u6.10 -> u1.17 with 9, 0.74 for u1.15 -> u1.15 with 8, 0.50 for u24.0 -> u1.23 with 12). With fewer table bits the
 * Newton step's quadratic error shows: about {@code 2^(output width - 2 tableBits - 2)} ULP on the largest results
 * (63 ULP for u8.8 -> u8.8 with 4 table bits, 3 with 6).
 *
 * <p>Inline: {@code UFix r = Reciprocal.of(cfg, d)}. As a component: {@code io_d} in, {@code io_y} out.
 * Bit-exact model: {@link ReciprocalModel}.
 */
public final class Reciprocal extends ConfiguredComponent<Reciprocal.Config> {
    public record Config(FixFormat input, FixFormat output, int tableBits) {
        public Config {
            Require.nonNull("input", input);
            Require.nonNull("output", output);
            Require.that(!input.signed(), "input", input + " must be unsigned (u<I>.<F>): the reciprocal takes d >= 0");
            Require.that(!output.signed(), "output", output + " must be unsigned (u<I>.<F>)");
            Require.range("input width", input.width(), 2, 24);
            Require.range("output width", output.width(), 1, 24);
            Require.range("tableBits", tableBits, 1, Math.min(14, input.width() - 1));
        }

        /** T: fraction bits of the table's {@code x0 ~ 1/m} (format {@code u0.T}). */
        public int tableFracBits() { return tableBits + 3; }

        /** G: fraction bits kept through the Newton step. */
        public int guardBits() { return output.width() + 2; }

        /** The table: {@code 1/(1 + u)} over the fraction {@code u = m - 1} ({@code u0.(w-1)}), top {@code tableBits} bits. */
        public FunctionTable.Config table() {
            return new FunctionTable.Config("recip", u -> 1 / (1 + u), FixFormat.unsigned(0, input.width() - 1), tableBits,
                    FixFormat.unsigned(0, tableFracBits()), FunctionTable.Sample.MIDDLE);
        }

        public int latency() { return 5; }
    }

    public static final class Io extends Bundle {
        public final UFix d;
        public final UFix y;

        Io(Config c) {
            d = in(UFix.type(c.input()));
            y = out(UFix.type(c.output()));
        }
    }

    public final Io io;

    public Reciprocal(Config c) {
        super(c);
        io = new Io(c);
        io.y.assign(of(c, io.d));
    }

    /** {@code 1/d} in the output format, {@link Config#latency()} cycles later. */
    public static UFix of(Config c, UFix d) {
        if (!d.format().equals(c.input())) {
            throw new IllegalArgumentException("Reciprocal: d is " + d.format() + ", the config's input is " + c.input());
        }
        int w = c.input().width();
        int t = c.tableFracBits();
        int g = c.guardBits();
        int wo = c.output().width();

        // 1. normalize: shift left by 2^k while the top 2^k bits are zero, k from high to low; the shifts add up to lz
        UInt m = d.raw();
        int steps = Hdl.log2Up(w);
        Bool[] lzBits = new Bool[steps];
        for (int k = steps - 1; k >= 0; k--) {
            int sh = 1 << k;
            Bool z = m.takeHigh(sh).orR().not();
            m = Hdl.mux(z, m.sll(sh), m);
            lzBits[steps - 1 - k] = z;
        }
        UInt lz = Hdl.cat(lzBits).asUInt();
        Bool zero = m.msb().not();
        UInt m1 = reg(m, "recip_s1_m");
        UInt lz1 = reg(lz, "recip_s1_lz");
        Bool zero1 = reg(zero, "recip_s1_zero");

        // 2. x0 ~ 1/m from the table on the fraction bits of m
        UFix x0 = FunctionTable.lookup(c.table(), m1.takeLow(w - 1));
        UInt m2 = reg(m1, "recip_s2_m");
        UInt lz2 = reg(lz1, "recip_s2_lz");
        Bool zero2 = reg(zero1, "recip_s2_zero");

        // 3. m x0 (close to 1), truncated to G fraction bits: u1.G
        UInt mx0 = m2.mul(x0.raw());                             // u1.(w-1+T)
        int k = g - (w - 1 + t);
        UInt mx0g = k >= 0 ? mx0.shl(k) : mx0.shr(-k);           // G + 1 bits
        UInt mx0r = reg(mx0g, "recip_s3_mx0");
        UInt x03 = reg(x0.raw(), "recip_s3_x0");
        UInt lz3 = reg(lz2, "recip_s3_lz");
        Bool zero3 = reg(zero2, "recip_s3_zero");

        // 4. x1 = x0 (2 - m x0): 2 - v is -v modulo 2^(G+1); x1 in u1.G
        UInt twoMinus = UInt.lit(0, g + 1).sub(mx0r);
        UInt x1 = x03.mul(twoMinus).shr(t);
        UInt x1r = reg(x1, "recip_s4_x1");
        UInt lz4 = reg(lz3, "recip_s4_lz");
        Bool zero4 = reg(zero3, "recip_s4_zero");

        // 5. 1/d = x1 * 2^(lz + c) output LSBs: shift, round half up, saturate
        int cExp = c.output().fracBits() + c.input().fracBits() - (w - 1) - g;
        UInt v = x1r.resize(g + w).sll(lz4);
        BitVector<?> scaled;
        if (cExp >= 0) {
            scaled = v.shl(cExp);
        } else {
            int n = -cExp;
            UInt wide = v.resize(Math.max(v.width(), n + 1));
            UInt q = wide.shr(n);
            scaled = q.resize(q.width() + 1).add(wide.bit(n - 1).asUInt().resize(q.width() + 1));
        }
        UInt fitted = (UInt) Ints.fit(scaled, wo, true);
        UInt max = UInt.lit(BigInteger.ONE.shiftLeft(wo).subtract(BigInteger.ONE), wo);
        UInt y = reg(Hdl.mux(zero4, max, fitted), "recip_s5_y");
        return UFix.fromRaw(y, c.output());
    }

    private static <D extends dev.spindle.hdl.Data> D reg(D value, String name) { return Ints.register(value, null, name); }
}
