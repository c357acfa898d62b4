package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.Overflow;
import dev.spindle.lib.math.Mac;

/**
 * The large design of the simulation benchmark: {@link #LANES} lanes of {@link Mac}, each a 16 x 16 signed
 * multiply accumulated into a 48-bit register (wrapping), with its own inputs {@code io_a_<k>}, {@code io_b_<k>}
 * and output {@code io_acc_<k>} (the accumulator register itself). {@code io_enable} and {@code io_clear} are
 * shared: {@code acc <- (clear ? 0 : acc) + (enable ? a*b : 0)}. Latency 1 cycle.
 */
public final class MacArray extends Component {
    public static final int LANES = 16;
    public static final Mac.Config MAC = new Mac.Config(16, 16, true, 48, Overflow.WRAP, false);

    public final MacIo io = new MacIo(LANES, LANES, LANES);

    public MacArray() {
        for (int k = 0; k < LANES; k++) {
            io.acc.get(k).assign(Mac.accumulate(MAC, io.a.get(k), io.b.get(k), io.enable, io.clear));
        }
    }
}
