package dev.spindle.lib.stream;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.Data;
import dev.spindle.hdl.HardType;

import static dev.spindle.hdl.Hdl.RegInit;
import static dev.spindle.hdl.Hdl.True;
import static dev.spindle.hdl.Hdl.when;

/**
 * A payload with a {@code last} flag that ends a packet (a row, a message), SpinalHDL's {@code Fragment}: a
 * {@code Stream<Fragment<T>>} flattens to {@code io_<name>_payload_last} and {@code io_<name>_payload_fragment[_<field>]}.
 */
public final class Fragment<T extends Data> extends Bundle {
    public final Bool last;
    public final T fragment;
    private final HardType<T> fragmentType;

    public Fragment(HardType<T> fragmentType) {
        this.fragmentType = fragmentType;
        last = field(Bool.type());
        fragment = field(fragmentType);
    }

    public static <T extends Data> HardType<Fragment<T>> type(HardType<T> fragmentType) { return () -> new Fragment<>(fragmentType); }

    public HardType<T> fragmentType() { return fragmentType; }

    @Override public Bundle cloneType() { return new Fragment<>(fragmentType); }

    /** The last word of a packet moves this cycle. */
    public static Bool lastFire(Stream<? extends Fragment<?>> s) { return s.fire().and(s.payload.last); }

    /** The word presented is the first of its packet (a register: true after reset and after each last word). */
    public static Bool isFirst(Stream<? extends Fragment<?>> s) {
        Bool first = RegInit(True());
        DerivedName.after(s, "first", first);
        when(s.fire(), () -> first.assign(s.payload.last));
        return first;
    }
}
