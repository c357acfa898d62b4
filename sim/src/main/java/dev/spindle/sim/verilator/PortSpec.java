package dev.spindle.sim.verilator;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One port of a Verilated top: its Verilog name, direction and width in bits.
 *
 * <p>Verilator stores a port as a C++ member whose type follows the width: 1–8 bits {@code CData}
 * (uint8), 9–16 {@code SData} (uint16), 17–32 {@code IData} (uint32), 33–64 {@code QData} (uint64),
 * wider {@code VlWide}: 32-bit words, least significant first.
 */
public record PortSpec(String name, Direction direction, int width) {

    /** Direction seen from the model: {@code IN} is driven by Java, {@code OUT} by the model. */
    public enum Direction { IN, OUT }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public PortSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("port name must be a Verilog identifier, got '" + name + "'");
        }
        if (width < 1) {
            throw new IllegalArgumentException("port " + name + ": width must be at least 1, got " + width);
        }
    }

    public static PortSpec in(String name, int width) {
        return new PortSpec(name, Direction.IN, width);
    }

    public static PortSpec out(String name, int width) {
        return new PortSpec(name, Direction.OUT, width);
    }

    /** Bytes Verilator uses to store this port: 1, 2, 4, 8, or 4 per 32-bit word when wider than 64. */
    public int storageBytes() {
        if (width <= 8) return 1;
        if (width <= 16) return 2;
        if (width <= 32) return 4;
        if (width <= 64) return 8;
        return 4 * words();
    }

    /** Number of 32-bit words of a {@code VlWide} port (also meaningful for narrow ports). */
    public int words() {
        return (width + 31) / 32;
    }

    /** True when Verilator stores the port as a {@code VlWide} word array. */
    public boolean wide() {
        return width > 64;
    }

    /** Canonical text used in cache keys and messages, e.g. {@code in io_a[64]}. */
    @Override
    public String toString() {
        return direction.name().toLowerCase() + " " + name + "[" + width + "]";
    }
}
