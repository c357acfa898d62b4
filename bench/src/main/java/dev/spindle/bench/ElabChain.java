package dev.spindle.bench;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;

/**
 * The synthetic chain of the elaboration benchmark, defined exactly so that other HDLs can build the same
 * circuit:
 *
 * <blockquote>
 * N 16-bit registers reset to 0, inputs {@code in} (16 bits) and {@code en}, output {@code out};
 * {@code r[0] <= en ? in : r[0]}; for {@code i} in 1..N-1, with {@code a = r[i-1]},
 * {@code b = r[(i*7919) % N]}, {@code c = r[(i*104729) % N]} (64-bit index arithmetic), {@code d = r[i/2]}:
 * {@code r[i] <= en ? ((a + b) ^ ((c >> 1) - d)) : r[i]} (wrapping add/sub, logical shift);
 * {@code out = r[N-1]}.
 * </blockquote>
 *
 * <p>In Spindle's naming the ports are {@code io_in}, {@code io_en} and {@code io_out}, plus {@code clk} and
 * {@code reset} (asynchronous, active high: the default clock domain); the registers, held in the field array
 * {@code r}, are {@code r_0} .. {@code r_<N-1>}. Everything sits in one flat module. Latency: 1 cycle from
 * {@code io_in} to {@code r_0}, N cycles at most to {@code io_out}.
 */
public final class ElabChain extends ConfiguredComponent<ElabChain.Config> {
    public static final int WIDTH = 16;

    public record Config(int n) {
        public Config {
            Require.range("n", n, 1, 10_000_000);
        }
    }

    public static final class Io extends Bundle {
        public final UInt in = in(UInt.type(WIDTH));
        public final Bool en = in(Bool.type());
        public final UInt out = out(UInt.type(WIDTH));
    }

    public final Io io;
    private final UInt[] r;

    public ElabChain(Config c) {
        super(c);
        int n = c.n();
        io = new Io();
        r = new UInt[n];
        for (int i = 0; i < n; i++) r[i] = RegInit(UInt.lit(0, WIDTH));
        when(io.en, () -> {
            r[0].assign(io.in);
            for (int i = 1; i < n; i++) {
                UInt a = r[i - 1];
                UInt b = r[index(i, 7919, n)];
                UInt cc = r[index(i, 104729, n)];
                UInt d = r[i / 2];
                r[i].assign(a.add(b).xor(cc.srl(1).sub(d)));
            }
        });
        io.out.assign(r[n - 1]);
    }

    /** {@code (i * k) % n} in 64-bit arithmetic, as the definition says. */
    static int index(int i, long k, int n) { return (int) ((i * k) % n); }
}
