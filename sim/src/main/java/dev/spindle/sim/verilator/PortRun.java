package dev.spindle.sim.verilator;

import java.util.List;

/**
 * Ports of one width stored side by side in the model (Verilator lays out {@code io_a_0 .. io_a_15} as consecutive
 * members of one size), accessed as element {@code k} at {@code base + k * size}: a loop over a Vec's elements loads
 * one base address, one mask and one size for all of them instead of a handle, a port and its fields per element.
 * Same safety as {@link Port}: the base is 0 where the access does not apply and once the model is closed.
 */
public final class PortRun {
    private final NativeModel model;
    private final List<Port> ports;
    private final int bytes;      // 1, 2, 4 or 8
    private final long mask;
    private final int count;
    private long base;            // get(): the first element's address, 0 once closed
    private long baseIn;          // set(): the same for an input run, else 0

    private PortRun(NativeModel model, List<Port> ports, long base) {
        this.model = model;
        this.ports = List.copyOf(ports);
        Port first = ports.getFirst();
        this.bytes = first.spec().storageBytes();
        this.mask = first.width() >= 64 ? -1L : (1L << first.width()) - 1;
        this.count = ports.size();
        this.base = base;
        this.baseIn = first.direction() == PortSpec.Direction.IN ? base : 0;
    }

    /**
     * A run over {@code ports} when they are narrow (at most 64 bits), of one width and direction, and stored
     * consecutively in this order; null otherwise (use the ports one by one).
     */
    static PortRun of(NativeModel model, List<Port> ports) {
        if (ports.isEmpty()) return null;
        Port first = ports.getFirst();
        if (first.spec().wide()) return null;
        int size = first.spec().storageBytes();
        long base = first.storageAddress();
        for (int k = 0; k < ports.size(); k++) {
            Port p = ports.get(k);
            if (p.owner() != model || p.spec().wide() || p.width() != first.width() || p.direction() != first.direction()
                    || p.storageAddress() != base + (long) k * size) {
                return null;
            }
        }
        return new PortRun(model, ports, base);
    }

    public int size() { return count; }

    public Port port(int k) { return ports.get(k); }

    /** Element {@code k}, unsigned. */
    public long get(int k) {
        long a = base;
        if (a == 0 || Integer.compareUnsigned(k, count) >= 0) return ports.get(k).get();   // closed or bad index: the port says why
        long at = a + (long) k * bytes;
        return mask & Port.load(at, bytes);
    }

    /** Drives element {@code k}; the value is truncated to the width. */
    public void set(int k, long value) {
        long a = baseIn;
        if (a == 0 || Integer.compareUnsigned(k, count) >= 0) {
            ports.get(k).set(value);   // closed, an output or a bad index: the port says why
            return;
        }
        long at = a + (long) k * bytes;
        Port.store(at, bytes, value & mask);
    }

    /** Called by {@link NativeModel#close()} with its ports' detach: every later access throws. */
    void detach() {
        base = 0;
        baseIn = 0;
    }
}
