package dev.spindle.nn.top;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.SInt;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.axi.RowBeats;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;

import static dev.spindle.hdl.Hdl.False;
import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.Wire;
import static dev.spindle.hdl.Hdl.log2Up;
import static dev.spindle.hdl.Hdl.mux;
import static dev.spindle.hdl.Hdl.when;

/**
 * A small unit with weights, so the top's weight path carries real data: the dot product of each token row of
 * {@code length} signed 16-bit values with a loaded weight vector of {@code length} signed 16-bit values, one
 * multiply-accumulate a clock into a 48-bit accumulator (exact for length ≤ 65536). The result row is one signed
 * value in a 64-bit container. Latency: {@code length + 1} cycles from a row's first element to its result;
 * throughput one element a clock.
 */
public record DotProductUnit(Config dot) implements AcceleratorUnit {
    public static final int CODE = 2;
    public static final int ACC_BITS = 48;

    public record Config(int length) {
        public Config { Require.range("length", length, 1, 65536); }
    }

    @Override public String name() { return "dot"; }

    @Override public String toString() { return AcceleratorUnit.describe(this); }

    @Override public int code() { return CODE; }

    @Override public Record config() { return dot; }

    @Override public RowLayout inputLayout(int busWidth) { return new RowLayout(dot.length(), 1, 16, busWidth); }

    @Override public RowLayout outputLayout(int busWidth) { return new RowLayout(1, 1, 64, busWidth); }

    @Override public boolean outputSigned() { return true; }

    @Override public int weightCount() { return dot.length(); }

    @Override public int weightBits() { return 16; }

    @Override
    public Stream<Fragment<Bits>> build(Stream<Bits> rows, int busWidth, WeightMemory weights) {
        int perBeat = busWidth / 16;
        Stream<Fragment<Bits>> x = RowBeats.split(rows, 16, dot.length(), "tokens");
        UInt element = RegInit(UInt.lit(0, log2Up(dot.length()))).named("element");
        int laneBits = Integer.numberOfTrailingZeros(perBeat);
        UInt word = element.width() > laneBits ? element.bits(element.width() - 1, laneBits) : UInt.lit(0, 1);
        Bits weightWord = weights.read(word.resize(log2Up(weights.depth())));
        Bits weight = weightWord.bits(15, 0);
        for (int k = 1; k < perBeat; k++) {
            UInt lane = element.resize(Math.max(laneBits, element.width())).bits(laneBits - 1, 0);
            weight = mux(lane.eq(k), weightWord.bits(16 * k + 15, 16 * k), weight);
        }
        Bits weightLane = Wire(weight).named("weight");
        SInt product = Wire(x.payload.fragment.asSInt().mul(weightLane.asSInt())).named("product");
        SInt acc = RegInit(SInt.lit(0, ACC_BITS)).named("acc");
        SInt base = mux(element.eq(0), SInt.lit(0, ACC_BITS), acc);
        SInt sum = Wire(base.add(product.resize(ACC_BITS))).named("sum");
        Bool outValid = RegInit(False()).named("result_valid");
        SInt result = RegInit(SInt.lit(0, 64)).named("result");
        Stream<Fragment<Bits>> out = Stream.of(Fragment.type(Bits.type(64))).named("results_unit");
        out.valid.assign(outValid);
        out.payload.fragment.assign(result.asBits());
        out.payload.last.assign(True());
        x.ready.assign(outValid.not().or(out.ready));
        when(out.fire(), () -> outValid.assign(False()));
        when(x.fire(), () -> {
            acc.assign(sum);
            when(x.payload.last, () -> {
                element.assign(UInt.lit(0, element.width()));
                outValid.assign(True());
                result.assign(sum.resize(64));
            }).otherwise(() -> element.assign(element.add(1)));
        });
        return RowBeats.pack(out, busWidth, "results");
    }

    @Override
    public long[] model(long[] row, long[] weights) {
        if (row.length != dot.length() || weights.length != dot.length()) {
            throw new IllegalArgumentException("dot model: row has " + row.length + " and weights " + weights.length + " values, length = " + dot.length());
        }
        long sum = 0;
        for (int i = 0; i < row.length; i++) sum += (long) (short) row[i] * (short) weights[i];
        return new long[] {(sum << (64 - ACC_BITS)) >> (64 - ACC_BITS)};
    }
}
