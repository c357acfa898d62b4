package dev.spindle.lib.stream;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;

/**
 * A stream of {@code inWidth}-bit words to one of {@code outWidth}-bit words, the first beat in the low bits
 * (SpinalHDL's {@code StreamWidthAdapter}, little endian; ports {@code io_input_*}, {@code io_output_*}). One width
 * must be a multiple of the other, ratio N.
 * Narrow to wide: N input beats make one output word, presented in the cycle of the N-th beat (latency 0, full input
 * throughput; N-1 beats are held in {@code buffer}). Wide to narrow: one input word gives N output beats, low bits
 * first; the input fires with the last beat (latency 0, full output throughput). Equal widths: a wire.
 */
public final class StreamWidthAdapter extends ConfiguredComponent<StreamWidthAdapter.Config> {
    public record Config(int inWidth, int outWidth) {
        public Config {
            Require.range("inWidth", inWidth, 1, 1 << 16);
            Require.range("outWidth", outWidth, 1, 1 << 16);
            int big = Math.max(inWidth, outWidth);
            int small = Math.min(inWidth, outWidth);
            Require.that(big % small == 0, "outWidth", outWidth + " and inWidth " + inWidth + " must be multiples of one another");
        }

        /** Beats per wide word. */
        public int ratio() { return Math.max(inWidth, outWidth) / Math.min(inWidth, outWidth); }
    }

    public static final class Io extends Bundle {
        public final Stream<Bits> input;
        public final Stream<Bits> output;

        Io(Config c) {
            input = slave(new Stream<>(Bits.type(c.inWidth())));
            output = master(new Stream<>(Bits.type(c.outWidth())));
        }
    }

    public final Io io;
    private final UInt counter;
    private final Bits buffer;

    public StreamWidthAdapter(Config c) {
        super(c);
        io = new Io(c);
        int n = c.ratio();
        if (n == 1) {
            counter = null;
            buffer = null;
            io.output.connectFrom(io.input);
            return;
        }
        counter = RegInit(UInt.lit(0, log2Up(n)));
        Bool lastBeat = Wire(counter.eq(n - 1)).named("lastBeat");
        UInt counterNext = n == 1 << counter.width() ? counter.add(1) : mux(lastBeat, UInt.lit(0, counter.width()), counter.add(1));
        if (c.outWidth() > c.inWidth()) {
            int w = c.inWidth();
            buffer = Reg(Bits.type(w * (n - 1)));
            io.output.valid.assign(io.input.valid.and(lastBeat));
            io.output.payload.assign(cat(io.input.payload, buffer));
            io.input.ready.assign(io.output.ready.or(lastBeat.not()));
            when(io.input.fire(), () -> {
                counter.assign(counterNext);
                // Beat k lands in bits [k*w + w-1 : k*w] of the wide word: shift the held beats down one place.
                if (n == 2) buffer.assign(io.input.payload);
                else buffer.assign(cat(io.input.payload, buffer.bits(w * (n - 1) - 1, w)));
            });
        } else {
            int w = c.outWidth();
            buffer = null;
            io.output.valid.assign(io.input.valid);
            Bits beat = io.input.payload.bits(w - 1, 0);
            for (int k = 1; k < n; k++) beat = mux(counter.eq(k), io.input.payload.bits(k * w + w - 1, k * w), beat);
            io.output.payload.assign(beat);
            io.input.ready.assign(io.output.ready.and(lastBeat));
            when(io.output.fire(), () -> counter.assign(counterNext));
        }
    }
}
