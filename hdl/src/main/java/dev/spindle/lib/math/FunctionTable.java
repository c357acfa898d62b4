package dev.spindle.lib.math;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.FixFormat;
import dev.spindle.hdl.FixMath;
import dev.spindle.hdl.HardType;
import dev.spindle.hdl.Mem;
import dev.spindle.hdl.Overflow;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.Rounding;
import dev.spindle.hdl.SFix;
import dev.spindle.hdl.UFix;
import dev.spindle.hdl.UInt;

import java.util.function.DoubleUnaryOperator;

/**
 * Any function {@code f} of one real variable as a ROM: the input {@code x} (fixed point, format {@code input}) is cut
 * to its top {@code indexBits} bits, which address {@code 2^indexBits} entries; entry {@code i} holds
 * {@code f(x_i)} rounded to the nearest value of the {@code output} format (ties towards +inf) and saturated to its
 * range (an infinite value saturates too; NaN is an error). {@code x_i} is the smallest input that maps to entry
 * {@code i} ({@link Sample#START}) or the midpoint of the inputs that do ({@link Sample#MIDDLE}, the default; the same
 * point when {@code indexBits} is the input's width). The read is registered ({@link Mem#readSync}): block RAM.
 *
 * <p><b>Latency</b> = 1 cycle.
 *
 * <p><b>Accuracy</b>: half an output LSB at the sample points (exact rounding of {@code f} in double), plus, for the
 * inputs that share an entry, how far {@code f} moves across them (measured by {@code FunctionTableTest} over every
 * input of each table: never more than 0.5 LSB beyond that spread).
 *
 * <p>Inline: {@code UFix e = FunctionTable.lookup(cfg, x)}. As a component: {@code io_x} in, {@code io_y} out (SFix
 * or UFix by the formats' signedness). Bit-exact model: {@link FunctionTableModel}.
 */
public final class FunctionTable extends ConfiguredComponent<FunctionTable.Config> {
    /** Which input value an entry stands for. */
    public enum Sample { START, MIDDLE }

    /** {@code name} names the ROM in Verilog and stands for {@code f} in the module comment (f has no stable text). */
    public record Config(String name, DoubleUnaryOperator f, FixFormat input, int indexBits, FixFormat output, Sample sample) {
        public Config {
            Require.nonNull("name", name);
            Require.that(name.matches("[A-Za-z][A-Za-z0-9_]*"), "name", "'" + name + "' must be an identifier (letters, digits, _)");
            Require.nonNull("f", f);
            Require.nonNull("input", input);
            Require.nonNull("output", output);
            Require.nonNull("sample", sample);
            Ints.range("input width", input.width(), 1, 52, "sample points must be exact doubles");
            Ints.range("output width", output.width(), 1, 52, "rounding a double to it must be exact");
            Require.range("indexBits", indexBits, 1, Math.min(20, input.width()));
        }

        /** A table over every input value (no bits dropped). */
        public Config(String name, DoubleUnaryOperator f, FixFormat input, FixFormat output) {
            this(name, f, input, input == null ? 1 : input.width(), output, Sample.MIDDLE);
        }

        public int depth() { return 1 << indexBits; }

        /** How many low input bits the address drops. */
        public int droppedBits() { return input.width() - indexBits; }

        @Override public String toString() {
            return "FunctionTable.Config[name=" + name + ", input=" + input + ", indexBits=" + indexBits + ", output=" + output
                    + ", sample=" + sample + "]";
        }
    }

    public static final class Io extends Bundle {
        public final BaseType x;
        public final BaseType y;

        Io(Config c) {
            x = in(fixType(c.input()));
            y = out(fixType(c.output()));
        }
    }

    public final Io io;

    public FunctionTable(Config c) {
        super(c);
        io = new Io(c);
        io.y.assign(lookup(c, io.x));
    }

    /**
     * {@code f(x)} from the table, one cycle later: an SFix in the output format when that is signed, else a UFix.
     * {@code x} is an SFix/UFix in the input format, or its raw bits (SInt, UInt or Bits of the input width).
     */
    public static <T extends BaseType> T lookup(Config c, BaseType x) { return lookup(c, x, null); }

    /** {@link #lookup(Config, BaseType)} whose output register loads only while {@code enable} holds (null: always). */
    @SuppressWarnings("unchecked")
    public static <T extends BaseType> T lookup(Config c, BaseType x, Bool enable) {
        checkInput(c, x);
        long[] words = contents(c);
        long mask = (1L << c.output().width()) - 1;
        for (int i = 0; i < words.length; i++) words[i] &= mask;
        Mem<UInt> rom = Mem.of(UInt.type(c.output().width()), words);
        rom.suggestName(c.name() + "_rom");
        Bits raw = x.asBits();
        UInt address = raw.bits(raw.width() - 1, c.droppedBits()).asUInt();
        UInt y = Ints.hint(enable == null ? rom.readSync(address) : rom.readSync(address, enable), c.name() + "_read");
        return (T) (c.output().signed() ? SFix.fromRaw(y.asSInt(), c.output()) : UFix.fromRaw(y, c.output()));
    }

    /** The table: entry i is the raw output value (a signed long for a signed format) stored at address i. */
    public static long[] contents(Config c) {
        long[] t = new long[c.depth()];
        for (int i = 0; i < t.length; i++) {
            double x = samplePoint(c, i);
            double v = c.f().applyAsDouble(x);
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("FunctionTable " + c.name() + ": f(" + x + ") is NaN (entry " + i + ")");
            }
            if (Double.isInfinite(v)) t[i] = v > 0 ? FixMath.maxRaw(c.output()) : FixMath.minRaw(c.output());
            else t[i] = FixMath.fromDouble(v, c.output(), Rounding.ROUND_HALF_UP, Overflow.SATURATE);
        }
        return t;
    }

    /** The input value entry {@code address} stands for. */
    public static double samplePoint(Config c, int address) {
        int b = c.indexBits();
        long top = c.input().signed() && address >= 1L << (b - 1) ? address - (1L << b) : address;
        int s = c.droppedBits();
        long twice = (top << (s + 1)) + (c.sample() == Sample.MIDDLE ? (1L << s) - 1 : 0);   // 2 * raw, exact
        return Math.scalb((double) twice, -c.input().fracBits() - 1);
    }

    public static int latency() { return 1; }

    private static void checkInput(Config c, BaseType x) {
        FixFormat f = x instanceof SFix s ? s.format() : x instanceof UFix u ? u.format() : null;
        if (f != null ? !f.equals(c.input()) : x.width() != c.input().width()) {
            throw new IllegalArgumentException("FunctionTable " + c.name() + ": the input is " + (f != null ? f : x.width() + " raw bits")
                    + ", the table is over " + c.input() + " (" + c.input().width() + " bits)");
        }
    }

    private static HardType<BaseType> fixType(FixFormat f) {
        return f.signed() ? () -> SFix.type(f).create() : () -> UFix.type(f).create();
    }
}
