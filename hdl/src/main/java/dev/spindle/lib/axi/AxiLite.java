package dev.spindle.lib.axi;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.UInt;

/**
 * An AXI4-Lite interface (AMBA AXI4-Lite, 32-bit data), declared from the master's side: use {@code slave(new
 * AxiLite(32))} in a register bank's io. Signal names are the AXI ones ({@code awaddr}, {@code wdata}...), so a
 * bundle named {@code s_axil} gives the XDMA IP's {@code s_axil_awaddr}... ports.
 */
public final class AxiLite extends Bundle {
    public static final int DATA_WIDTH = 32;
    /** {@code bresp}/{@code rresp}: OKAY and SLVERR (an address the map does not hold). */
    public static final int RESP_OKAY = 0, RESP_SLVERR = 2;

    public final UInt awaddr;
    public final Bits awprot;
    public final Bool awvalid;
    public final Bool awready;
    public final Bits wdata;
    public final Bits wstrb;
    public final Bool wvalid;
    public final Bool wready;
    public final Bits bresp;
    public final Bool bvalid;
    public final Bool bready;
    public final UInt araddr;
    public final Bits arprot;
    public final Bool arvalid;
    public final Bool arready;
    public final Bits rdata;
    public final Bits rresp;
    public final Bool rvalid;
    public final Bool rready;
    private final int addressWidth;

    public AxiLite(int addressWidth) {
        this.addressWidth = addressWidth;
        awaddr = out(UInt.type(addressWidth));
        awprot = out(Bits.type(3));
        awvalid = out(Bool.type());
        awready = in(Bool.type());
        wdata = out(Bits.type(DATA_WIDTH));
        wstrb = out(Bits.type(DATA_WIDTH / 8));
        wvalid = out(Bool.type());
        wready = in(Bool.type());
        bresp = in(Bits.type(2));
        bvalid = in(Bool.type());
        bready = out(Bool.type());
        araddr = out(UInt.type(addressWidth));
        arprot = out(Bits.type(3));
        arvalid = out(Bool.type());
        arready = in(Bool.type());
        rdata = in(Bits.type(DATA_WIDTH));
        rresp = in(Bits.type(2));
        rvalid = in(Bool.type());
        rready = out(Bool.type());
    }

    public int addressWidth() { return addressWidth; }

    @Override public Bundle cloneType() { return new AxiLite(addressWidth); }
}
