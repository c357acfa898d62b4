package dev.spindle.bench.sim;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.UInt;

/**
 * The small design of the simulation benchmark: so little logic that the cost of calling into the model
 * dominates. A free-running 32-bit counter, a 64-bit and a 128-bit input, all of them used:
 * <pre>
 * count &lt;= count + 1                                          (io_count, 32 bits)
 * x     &lt;= (io_a ^ count) + io_b[63:0] + io_b[127:64]          (io_x, 64 bits, wrapping)
 * y     &lt;= io_b + count                                        (io_y, 128 bits, wrapping)
 * </pre>
 * Every register resets to 0. Ports: {@code clk}, {@code reset}, {@code io_a}, {@code io_b} in; {@code io_count},
 * {@code io_x}, {@code io_y} out. Latency 1 cycle from the inputs to {@code io_x}/{@code io_y}.
 */
public final class SmallDesign extends Component {
    public static final class Io extends Bundle {
        public final UInt a = in(UInt.type(64));
        public final UInt b = in(UInt.type(128));
        public final UInt count = out(UInt.type(32));
        public final UInt x = out(UInt.type(64));
        public final UInt y = out(UInt.type(128));
    }

    public final Io io = new Io();
    private final UInt count = RegInit(UInt.lit(0, 32));
    private final UInt x = RegInit(UInt.lit(0, 64));
    private final UInt y = RegInit(UInt.lit(0, 128));

    public SmallDesign() {
        count.assign(count.add(1));
        x.assign(io.a.xor(count.resize(64)).add(io.b.bits(63, 0)).add(io.b.bits(127, 64)));
        y.assign(io.b.add(count.resize(128)));
        io.count.assign(count);
        io.x.assign(x);
        io.y.assign(y);
    }
}
