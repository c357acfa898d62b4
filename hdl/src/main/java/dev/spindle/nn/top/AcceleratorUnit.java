package dev.spindle.nn.top;

import dev.spindle.hdl.Bits;
import dev.spindle.hdl.Bool;
import dev.spindle.hdl.UInt;
import dev.spindle.lib.stream.Fragment;
import dev.spindle.lib.stream.Stream;

/**
 * A unit the accelerator top can wrap: how its rows and weights are laid out on the bus (for the RTL and the host
 * alike), the hardware that turns token rows into result rows, and its bit-exact model. Inputs and outputs are raw
 * integers (the fixed-point values' bit patterns).
 */
public interface AcceleratorUnit {
    /**
     * A unit from its setting text, {@code name} or {@code name(key=value,...)} with the unit design's keys, e.g.
     * {@code softmax(length=16,lanes=2)} or {@code dot(length=40)}; {@code toString()} writes the same form.
     */
    static AcceleratorUnit parse(String text) {
        String t = text.trim();
        int open = t.indexOf('(');
        String name = open < 0 ? t : t.substring(0, open);
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        if (open >= 0) {
            if (!t.endsWith(")")) throw new IllegalArgumentException("unit '" + text + "' is malformed: expected name(key=value,...)");
            String inner = t.substring(open + 1, t.length() - 1).trim();
            if (!inner.isEmpty()) settings = dev.spindle.design.ConfigParser.settings(java.util.List.of(inner.split(",")));
        }
        return Accelerators.unit(name, settings);
    }

    /** {@code name(key=value,...)} with every setting of the unit's configuration. */
    static String describe(AcceleratorUnit u) {
        StringBuilder sb = new StringBuilder(u.name()).append('(');
        String sep = "";
        for (var e : dev.spindle.design.ConfigParser.settings(u.config()).entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return sb.append(')').toString();
    }

    /** The unit's design name ({@code softmax}, {@code dot}). */
    String name();

    /** Its code in the UNIT register. */
    int code();

    /** The unit's configuration record (written into the manifest). */
    Record config();

    RowLayout inputLayout(int busWidth);

    RowLayout outputLayout(int busWidth);

    /** Whether output values are signed (for unpacking). */
    boolean outputSigned();

    /** Number of weights (0: none), each {@link #weightBits()} wide, packed as a row of that length. */
    int weightCount();

    int weightBits();

    default RowLayout weightLayout(int busWidth) {
        return weightCount() == 0 ? null : new RowLayout(weightCount(), 1, weightBits(), busWidth);
    }

    /** The unit's hardware: token rows in (bus beats, {@link #inputLayout}), result rows out ({@code last} at each row's last bus beat). */
    Stream<Fragment<Bits>> build(Stream<Bits> rows, int busWidth, WeightMemory weights);

    /** The bit-exact result of one row (raw values), given the weights (raw, or an empty array). */
    long[] model(long[] row, long[] weights);

    /**
     * Read access to the loaded weights, one bus beat a word: the unit's weight stream, written by WEIGHTS packets
     * in order and read by the unit at will (in its own clock domain when the unit has one). A large unit should
     * read synchronously, so the memory maps to block RAM.
     */
    interface WeightMemory {
        /** Combinational read (distributed RAM for a large memory). */
        Bits read(UInt beatAddress);

        /** Registered read: the word of {@code beatAddress} one clock after {@code enable}; holds otherwise. */
        Bits readSync(UInt beatAddress, Bool enable);

        int depth();

        /** True in a clock in which a weight beat is written (a unit that copies the weights out reloads after it). */
        Bool written();
    }
}
