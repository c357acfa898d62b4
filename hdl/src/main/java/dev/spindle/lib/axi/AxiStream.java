package dev.spindle.lib.axi;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Require;

/**
 * An AXI4-Stream interface with {@code tdata}, {@code tkeep} and {@code tlast} (AMBA AXI4-Stream), declared from
 * the master's side. Data widths are whole bytes; the XDMA IP's user side uses 64, 128, 256 or 512 bits.
 */
public final class AxiStream extends Bundle {
    public final Bits tdata;
    public final Bits tkeep;
    public final Bool tlast;
    public final Bool tvalid;
    public final Bool tready;
    private final int dataWidth;

    public AxiStream(int dataWidth) {
        Require.that(dataWidth >= 8 && dataWidth % 8 == 0 && dataWidth <= 4096, "dataWidth", "= " + dataWidth + " must be a whole number of bytes, 8..4096");
        this.dataWidth = dataWidth;
        tdata = out(Bits.type(dataWidth));
        tkeep = out(Bits.type(dataWidth / 8));
        tlast = out(Bool.type());
        tvalid = out(Bool.type());
        tready = in(Bool.type());
    }

    /** The data widths of the XDMA IP's AXI4-Stream user interface. */
    public static int requireXdmaWidth(String field, int width) {
        if (width != 64 && width != 128 && width != 256 && width != 512) {
            throw new IllegalArgumentException(field + " = " + width + " is not an XDMA data width: allowed 64, 128, 256, 512");
        }
        return width;
    }

    public int dataWidth() { return dataWidth; }

    public int bytes() { return dataWidth / 8; }

    public Bool fire() { return tvalid.and(tready); }

    @Override public Bundle cloneType() { return new AxiStream(dataWidth); }
}
