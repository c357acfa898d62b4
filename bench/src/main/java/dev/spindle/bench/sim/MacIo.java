package dev.spindle.bench.sim;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.Vec;

/**
 * The ports of the MAC designs of the simulation benchmark ({@link MacArray}, {@link MacGrid}): 16-bit signed inputs
 * {@code io_a_<i>} and {@code io_b_<j>}, shared {@code io_enable} and {@code io_clear}, and the 48-bit accumulators
 * {@code io_acc_<k>}; {@link MacTestbench} drives either through them.
 */
public final class MacIo extends Bundle {
    public final Vec<SInt> a;
    public final Vec<SInt> b;
    public final Bool enable;
    public final Bool clear;
    public final Vec<SInt> acc;

    MacIo(int as, int bs, int accs) {
        a = in(Vec.type(SInt.type(MacArray.MAC.aWidth()), as));
        b = in(Vec.type(SInt.type(MacArray.MAC.bWidth()), bs));
        enable = in(Bool.type());
        clear = in(Bool.type());
        acc = out(Vec.type(SInt.type(MacArray.MAC.accWidth()), accs));
    }
}
