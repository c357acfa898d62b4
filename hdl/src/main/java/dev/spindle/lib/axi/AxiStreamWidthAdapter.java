package dev.spindle.lib.axi;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;

import java.util.ArrayList;
import java.util.List;

/**
 * AXI4-Stream of {@code inWidth} bits to {@code outWidth} bits (one a multiple of the other, ratio N), honouring
 * {@code tkeep} and {@code tlast} ({@code io_input_*}, {@code io_output_*}). Bytes keep their order: the first
 * byte of a packet is byte 0 of its first beat, beats little-endian. {@code tkeep} must be contiguous from byte 0
 * (only a packet's final beat may be partial, as the XDMA streams a write whose length is not a multiple of the
 * data width); a partial final word stays partial on the other side, and no beat with {@code tkeep} all zero is
 * ever produced (AXI4-Stream's null beat).
 *
 * <p>Wide to narrow: each input beat gives its N slices, low first, stopping after the last slice that holds a kept
 * byte; {@code tlast} on the last of them; latency 0, one output beat a clock. Narrow to wide: N input beats (or
 * fewer, closed by {@code tlast}) fill an output register ({@code slot_k}, {@code keep_k}); slots a short final
 * word does not reach are zero with {@code tkeep} zero; latency 1, one input beat a clock. Equal widths: a wire.
 */
public final class AxiStreamWidthAdapter extends ConfiguredComponent<AxiStreamWidthAdapter.Config> {
    public record Config(int inWidth, int outWidth) {
        public Config {
            Require.that(inWidth >= 8 && inWidth % 8 == 0 && inWidth <= 4096, "inWidth", "= " + inWidth + " must be a whole number of bytes, 8..4096");
            Require.that(outWidth >= 8 && outWidth % 8 == 0 && outWidth <= 4096, "outWidth", "= " + outWidth + " must be a whole number of bytes, 8..4096");
            int big = Math.max(inWidth, outWidth), small = Math.min(inWidth, outWidth);
            Require.that(big % small == 0, "outWidth", "= " + outWidth + " and inWidth = " + inWidth + " must be multiples of one another");
        }

        public int ratio() { return Math.max(inWidth, outWidth) / Math.min(inWidth, outWidth); }
    }

    public static final class Io extends Bundle {
        public final AxiStream input;
        public final AxiStream output;

        Io(Config c) {
            input = slave(new AxiStream(c.inWidth()));
            output = master(new AxiStream(c.outWidth()));
        }
    }

    public final Io io;
    private UInt sub;
    private final List<Bits> slots = new ArrayList<>(), keeps = new ArrayList<>();
    private Bool full, lastReg;

    public AxiStreamWidthAdapter(Config c) {
        super(c);
        io = new Io(c);
        AxiStream in = io.input, out = io.output;
        if (c.inWidth() == c.outWidth()) {
            out.tvalid.assign(in.tvalid);
            out.tdata.assign(in.tdata);
            out.tkeep.assign(in.tkeep);
            out.tlast.assign(in.tlast);
            in.tready.assign(out.tready);
        } else if (c.inWidth() > c.outWidth()) {
            downsize(c.ratio(), c.outWidth());
        } else {
            upsize(c.ratio(), c.inWidth());
        }
    }

    private void downsize(int n, int w) {
        AxiStream in = io.input, out = io.output;
        int kb = w / 8;
        sub = RegInit(UInt.lit(0, log2Up(n)));
        Bits data = in.tdata.bits(w - 1, 0), keep = in.tkeep.bits(kb - 1, 0);
        Bool nextEmpty = in.tkeep.bit(kb).not();   // keep is contiguous: the next slice is empty if its first byte is
        for (int k = 1; k < n; k++) {
            Bool isK = sub.eq(k);
            data = mux(isK, in.tdata.bits((k + 1) * w - 1, k * w), data);
            keep = mux(isK, in.tkeep.bits((k + 1) * kb - 1, k * kb), keep);
            nextEmpty = mux(isK, k == n - 1 ? True() : in.tkeep.bit((k + 1) * kb).not(), nextEmpty);
        }
        Bool lastSlice = Wire(nextEmpty).named("lastSlice");
        out.tvalid.assign(in.tvalid);
        out.tdata.assign(data);
        out.tkeep.assign(keep);
        out.tlast.assign(in.tlast.and(lastSlice));
        in.tready.assign(out.tready.and(lastSlice));
        when(out.fire(), () -> sub.assign(mux(lastSlice, UInt.lit(0, sub.width()), sub.add(1))));
    }

    private void upsize(int n, int w) {
        AxiStream in = io.input, out = io.output;
        int kb = w / 8;
        for (int k = 0; k < n; k++) {
            slots.add(RegInit(Bits.lit(0, w)).named("slot_" + k));
            keeps.add(RegInit(Bits.lit(0, kb)).named("keep_" + k));
        }
        sub = RegInit(UInt.lit(0, log2Up(n)));
        full = RegInit(False());
        lastReg = RegInit(False());
        List<BaseType> dataParts = new ArrayList<>(), keepParts = new ArrayList<>();
        for (int k = n - 1; k >= 0; k--) {
            dataParts.add(slots.get(k));
            keepParts.add(keeps.get(k));
        }
        out.tvalid.assign(full);
        out.tdata.assign(cat(dataParts.toArray(BaseType[]::new)));
        out.tkeep.assign(cat(keepParts.toArray(BaseType[]::new)));
        out.tlast.assign(lastReg);
        in.tready.assign(full.not().or(out.tready));
        Bool finishing = Wire(sub.eq(n - 1).or(in.tlast)).named("finishing");
        when(out.fire(), () -> full.assign(False()));
        when(in.fire(), () -> {
            for (int k = 0; k < n; k++) {
                Bits slot = slots.get(k), kept = keeps.get(k);
                var write = when(sub.eq(k), () -> {
                    slot.assign(in.tdata);
                    kept.assign(in.tkeep);
                });
                if (k > 0) write.elseWhen(sub.eq(0), () -> {   // a new wide word starts clean
                    slot.assign(Bits.lit(0, w));
                    kept.assign(Bits.lit(0, kb));
                });
            }
            when(finishing, () -> {
                full.assign(True());
                lastReg.assign(in.tlast);
                sub.assign(UInt.lit(0, sub.width()));
            }).otherwise(() -> sub.assign(sub.add(1)));
        });
    }
}
