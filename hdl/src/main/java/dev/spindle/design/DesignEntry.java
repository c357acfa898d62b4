package dev.spindle.design;

import dev.spindle.hdl.Component;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;

import java.util.Map;
import java.util.function.Function;

/** A named generator the CLI can build: its configuration record type, defaults and constructor. */
public record DesignEntry<C extends Record>(String name, String description, Class<C> configType, C defaults,
                                            Function<C, ? extends Component> build) {
    public C config(Map<String, String> settings) { return ConfigParser.parse(configType, defaults, settings); }

    public Elaborated<? extends Component> elaborate(C config) { return Spindle.elaborate(() -> build.apply(config)); }

    public Elaborated<? extends Component> elaborate(Map<String, String> settings) { return elaborate(config(settings)); }
}
