package dev.spindle.lib;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.ir.Signal;

import java.util.ArrayList;
import java.util.List;

/**
 * A synchronizer: {@code depth} registers in a row (two by default) in the clock domain current where it is built,
 * SpinalHDL's {@code BufferCC} ({@code io_dataIn}, {@code io_dataOut}, registers {@code buffers_0},
 * {@code buffers_1}). The first register is marked as crossing clock domains, so the clock-crossing check accepts
 * the signal it samples from another domain. Latency: {@code depth} cycles of the destination clock. Use it for
 * single bits or Gray-coded values only: the bits of a word are not sampled coherently.
 */
public final class BufferCC<T extends Data> extends ConfiguredComponent<BufferCC.Config> {
    public record Config(int depth) {
        public Config {
            Require.range("depth", depth, 1, 8);
        }
    }

    public static final class Io<T extends Data> extends Bundle {
        public final T dataIn;
        public final T dataOut;

        Io(HardType<T> type) {
            dataIn = in(type);
            dataOut = out(type);
        }
    }

    public final Io<T> io;
    private final List<T> buffers = new ArrayList<>();

    /** {@code init}: a literal reset value of the registers, or null for none. */
    public BufferCC(HardType<T> type, T init, Config c) {
        super(c);
        io = new Io<>(type);
        T previous = io.dataIn;
        for (int i = 0; i < c.depth(); i++) {
            T r = init == null ? Reg(type) : RegInit(init);
            r.assign(previous);
            buffers.add(r);
            previous = r;
        }
        for (BaseType leaf : buffers.getFirst().flatten()) ((Signal) leaf.node()).setCrossClockDomain(true);
        io.dataOut.assign(previous);
    }

    /** {@code input} synchronized into the current clock domain by two registers without reset. */
    public static <T extends Data> T of(T input) { return of(input, null, 2); }

    /** {@code input} synchronized by two registers reset to {@code init}. */
    public static <T extends Data> T of(T input, T init) { return of(input, init, 2); }

    /** {@code input} synchronized by {@code depth} registers (reset to {@code init} unless null). */
    public static <T extends Data> T of(T input, T init, int depth) {
        HardType<T> type = typeOf(input);
        Config config = new Config(depth);
        BufferCC<T> cc = child(() -> new BufferCC<>(type, init, config));
        cc.io.dataIn.assign(input);
        return cc.io.dataOut;
    }
}
