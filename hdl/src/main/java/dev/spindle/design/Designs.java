package dev.spindle.design;

import dev.spindle.examples.Counter;
import dev.spindle.examples.Fifo;
import dev.spindle.nn.Softmax;
import dev.spindle.nn.softmax.SoftmaxConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The designs {@code spindle generate|sim|estimate} know by name. */
public final class Designs {
    private static final Map<String, DesignEntry<?>> ALL = new LinkedHashMap<>();

    static {
        add(new DesignEntry<>("counter", "wrapping counter with optional enable (ports io_enable, io_value)",
                Counter.Config.class, new Counter.Config(8, true), Counter::new));
        add(new DesignEntry<>("fifo", "stream FIFO with SpinalHDL StreamFifo ports (io_push_*, io_pop_*, io_occupancy)",
                Fifo.Config.class, new Fifo.Config(8, 16), Fifo::new));
        add(new DesignEntry<>("softmax", "pipelined row softmax, bit-exact to SoftmaxModel (docs/softmax.md)",
                SoftmaxConfig.class, SoftmaxConfig.fromSettings(Map.of()), Softmax::new));
    }

    private Designs() {}

    private static void add(DesignEntry<?> e) { ALL.put(e.name(), e); }

    public static List<DesignEntry<?>> all() { return new ArrayList<>(ALL.values()); }

    public static DesignEntry<?> get(String name) {
        DesignEntry<?> e = ALL.get(name);
        if (e == null) throw new IllegalArgumentException("unknown design '" + name + "': known designs are " + String.join(", ", ALL.keySet()));
        return e;
    }
}
