package dev.spindle.bench.sim;

import dev.spindle.hdl.Component;
import dev.spindle.lib.math.Mac;

/**
 * A {@link #ROWS} x {@link #COLS} grid of {@link Mac}s (the outer-product array of a matrix unit): the MAC at row
 * {@code r}, column {@code c} accumulates {@code io_a_<r> * io_b_<c>} (16 x 16 signed, 48-bit wrapping accumulator,
 * {@link MacArray#MAC}) into {@code io_acc_<16r + c>}, its register. The same 32 inputs as {@link MacArray}'s 16 lanes
 * feed 16 times the arithmetic. {@code io_enable} and {@code io_clear} are shared. Latency 1 cycle.
 */
public final class MacGrid extends Component {
    public static final int ROWS = 16;
    public static final int COLS = 16;

    public final MacIo io = new MacIo(ROWS, COLS, ROWS * COLS);

    public MacGrid() {
        for (int r = 0; r < ROWS; r++) {
            for (int c = 0; c < COLS; c++) {
                io.acc.get(COLS * r + c).assign(Mac.accumulate(MacArray.MAC, io.a.get(r), io.b.get(c), io.enable, io.clear));
            }
        }
    }
}
