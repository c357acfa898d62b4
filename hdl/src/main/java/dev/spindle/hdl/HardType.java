package dev.spindle.hdl;

/**
 * A hardware type: makes a fresh instance (a new set of signals) each time, e.g. {@code UInt.type(8)} or
 * {@code () -> new MyBundle(cfg)}. Registers, wires, ports, streams and memories are all made from one.
 */
@FunctionalInterface
public interface HardType<T extends Data> {
    T create();
}
