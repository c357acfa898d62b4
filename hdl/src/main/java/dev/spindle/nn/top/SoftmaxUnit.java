package dev.spindle.nn.top;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.lib.axi.RowBeats;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.softmax.SoftmaxModel;

import static dev.spindle.hdl.Hdl.child;
import static dev.spindle.hdl.Hdl.cat;

/**
 * The softmax unit in the accelerator top: a token row is one row of scores (raw {@code input} values in 16-bit
 * containers, 32-bit above 16 bits), a result row its probabilities (raw {@code output} values, same containers).
 * No weights.
 */
public record SoftmaxUnit(SoftmaxConfig softmax) implements AcceleratorUnit {
    public static final int CODE = 1;

    @Override public String name() { return "softmax"; }

    @Override public String toString() { return AcceleratorUnit.describe(this); }

    @Override public int code() { return CODE; }

    @Override public Record config() { return softmax; }

    static int container(int width) { return width <= 16 ? 16 : 32; }

    @Override public RowLayout inputLayout(int busWidth) {
        return new RowLayout(softmax.length(), softmax.lanes(), container(softmax.input().width()), busWidth);
    }

    @Override public RowLayout outputLayout(int busWidth) {
        return new RowLayout(softmax.length(), softmax.lanes(), container(softmax.output().width()), busWidth);
    }

    @Override public boolean outputSigned() { return softmax.output().signed(); }

    @Override public int weightCount() { return 0; }

    @Override public int weightBits() { return 16; }

    @Override
    public Stream<Fragment<Bits>> build(Stream<Bits> rows, int busWidth, WeightMemory weights) {
        RowLayout in = inputLayout(busWidth);
        RowLayout out = outputLayout(busWidth);
        Softmax unit = child(() -> new Softmax(softmax));
        Stream<Fragment<Bits>> beats = RowBeats.split(rows, in.unitWidth(), in.unitBeatsPerRow(), "tokens");
        unit.io.input.valid.assign(beats.valid);
        beats.ready.assign(unit.io.input.ready);
        unit.io.input.payload.last.assign(beats.payload.last);
        int wIn = softmax.input().width();
        for (int i = 0; i < softmax.lanes(); i++) {
            unit.io.input.payload.fragment.get(i).assignFromBits(beats.payload.fragment.bits(i * in.bits() + wIn - 1, i * in.bits()));
        }
        Stream<Fragment<Bits>> results = Stream.of(Fragment.type(Bits.type(out.unitWidth()))).named("results_unit");
        results.valid.assign(unit.io.output.valid);
        unit.io.output.ready.assign(results.ready);
        results.payload.last.assign(unit.io.output.payload.last);
        int wOut = softmax.output().width();
        BaseType[] lanes = new BaseType[2 * softmax.lanes()];
        for (int i = 0; i < softmax.lanes(); i++) {
            lanes[2 * (softmax.lanes() - 1 - i)] = Bits.lit(0, out.bits() - wOut);
            lanes[2 * (softmax.lanes() - 1 - i) + 1] = unit.io.output.payload.fragment.get(i).asBits();
        }
        results.payload.fragment.assign(cat(lanes));
        return RowBeats.pack(results, busWidth, "results");
    }

    @Override
    public long[] model(long[] row, long[] weights) { return new SoftmaxModel(softmax).apply(row); }
}
