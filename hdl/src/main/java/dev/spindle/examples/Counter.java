package dev.spindle.examples;

import dev.spindle.hdl.Bool;
import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Require;
import dev.spindle.hdl.UInt;

/** A wrapping counter; with {@code enable} it counts only while {@code io_enable} is high. Latency: 1 cycle. */
public final class Counter extends ConfiguredComponent<Counter.Config> {
    public record Config(int width, boolean enable) {
        public Config {
            Require.range("width", width, 1, 64);
        }
    }

    public static final class Io extends Bundle {
        public final Bool enable;
        public final UInt value;

        Io(Config c) {
            enable = c.enable() ? in(Bool.type()) : null;
            value = out(UInt.type(c.width()));
        }
    }

    public final Io io;
    private final UInt count;

    public Counter(Config c) {
        super(c);
        io = new Io(c);
        count = RegInit(UInt.lit(0, c.width()));
        if (c.enable()) {
            when(io.enable, () -> count.assign(count.add(1)));
        } else {
            count.assign(count.add(1));
        }
        io.value.assign(count);
    }
}
