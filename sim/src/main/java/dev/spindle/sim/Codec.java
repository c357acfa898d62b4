package dev.spindle.sim;

import dev.spindle.hdl.BaseType;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.Vec;
import dev.spindle.lib.stream.Fragment;

import java.util.List;
import java.util.Random;

/**
 * How a stream payload's Java value maps onto its ports, derived from the payload's hardware type by {@link #of}:
 * <ul>
 * <li>{@code Bool} ↔ {@code Boolean};</li>
 * <li>{@code UInt}, {@code Bits} ↔ {@code Long} (the unsigned bit pattern) up to 64 bits, {@code BigInteger} above;</li>
 * <li>{@code SInt} ↔ {@code Long}, sign-extended ({@code BigInteger} above 64 bits);</li>
 * <li>{@code SFix}, {@code UFix} ↔ {@code Long}, the raw integer ({@link #real(BaseType)}: {@code Double});</li>
 * <li>{@code Vec} of leaves up to 64 bits ↔ {@code long[]} ({@link #real(Vec)}: {@code double[]}); any other
 *     {@code Vec} ↔ {@code List} of its elements' values;</li>
 * <li>{@code Fragment<T>} ↔ {@link FragmentBeat}{@code <T's value>};</li>
 * <li>any other bundle: a record whose components are named like its fields ({@link #record}).</li>
 * </ul>
 * A codec is a description of the payload's shape (widths, signedness, formats); the agents bind it to the ports
 * they take from the stream. Every value pushed is checked against the shape (type, length, range) with a message
 * that names the port.
 */
public abstract class Codec<V> {
    private final String type;
    private final int[] widths;

    Codec(String type, int[] widths) {
        this.type = type;
        this.widths = widths;
    }

    /** The Java type this codec reads and writes, for messages ({@code "FragmentBeat<long[4]>"}). */
    public final String type() { return type; }

    /** Number of leaf ports covered. */
    final int leaves() { return widths.length; }

    final int[] widths() { return widths; }

    /** Fails, naming the port, unless {@code value} is a value of this codec's type that fits the ports. */
    abstract void check(Object value, SimPort[] ports, int at);

    abstract void write(V value, SimPort[] ports, int at);

    abstract V read(SimPort[] ports, int at);

    /**
     * Whether the ports hold {@code expected} (by content, as {@link Values#equal} compares). The codecs of the
     * common payloads ({@code Bool}, integers, {@code Vec} of integers, {@code Fragment}) compare the raw bits in
     * place; the others decode and compare.
     */
    boolean matches(V expected, SimPort[] ports, int at) { return Values.equal(expected, read(ports, at)); }

    /**
     * A random value that fits the payload, every bit pattern equally likely (random stimulus for a stream test;
     * a {@code Fragment}'s {@code last} is a coin toss).
     */
    public abstract V random(Random random);

    final IllegalArgumentException wrongType(Object value, SimPort[] ports, int at) {
        return new IllegalArgumentException(ports[at].name() + ": expected a " + type + " but got "
                + (value == null ? "null" : value.getClass().getSimpleName() + " " + Values.show(value)));
    }

    // ---- derivation -------------------------------------------------------------------------------------------------

    /**
     * The codec of {@code payload}'s type (see the class comment). The value type {@code V} is the caller's choice
     * ({@code Codec<FragmentBeat<long[]>> c = Codec.of(dut.io.input.payload)}); a value of another type is refused
     * when it is pushed, with a message giving the type expected.
     */
    @SuppressWarnings("unchecked")
    public static <V> Codec<V> of(Data payload) {
        return (Codec<V>) derive(payload);
    }

    static Codec<?> derive(Data payload) {
        return switch (payload) {
            case BaseType leaf -> LeafCodec.of(leaf, false);
            case Fragment<?> f -> fragment(derive(f.fragment));
            case Vec<?> v -> VecCodec.of(v, false);
            case Bundle b -> throw new IllegalArgumentException("a " + b.getClass().getSimpleName()
                    + " payload has no default Java value: give a record with components named like its fields, "
                    + "Codec.record(payload, MyRecord.class)");
            default -> throw new IllegalArgumentException("no codec for " + payload.getClass().getSimpleName());
        };
    }

    /** A fixed-point leaf as its real value (nearest representable value when written, saturated to the range). */
    public static Codec<Double> real(BaseType fix) { return LeafCodec.realOf(fix); }

    /** An integer leaf of any width as a {@code BigInteger} (signed types sign-extended), for code generic over widths. */
    public static Codec<java.math.BigInteger> big(BaseType leaf) { return LeafCodec.bigOf(leaf); }

    /** The elements' raw integers of a {@code Vec} of leaves up to 64 bits (signed types sign-extended). */
    public static Codec<long[]> raw(Vec<?> vec) { return VecCodec.longs(vec); }

    /** The real values of a {@code Vec} of fixed-point elements. */
    public static Codec<double[]> real(Vec<?> vec) { return VecCodec.doubles(vec); }

    /** A {@code Fragment}: {@code last} (its first field) and the fragment through {@code inner}. */
    public static <V> Codec<FragmentBeat<V>> fragment(Codec<V> inner) { return new FragmentCodec<>(inner); }

    /**
     * A bundle as a record: each component is matched by name to a field of the bundle and takes the field's
     * derived codec, or the real value when the component is a {@code double} / {@code double[]}, or a nested record.
     */
    public static <R extends Record> Codec<R> record(Bundle bundle, Class<R> type) { return RecordCodec.of(bundle, type); }

    static int[] widthsOf(Data data) {
        List<BaseType> leaves = data.flatten();
        int[] w = new int[leaves.size()];
        for (int i = 0; i < w.length; i++) w[i] = leaves.get(i).width();
        return w;
    }
}
