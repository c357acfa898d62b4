package dev.spindle.design;

import dev.spindle.hdl.ConfiguredComponent;
import dev.spindle.hdl.Elaborated;
import dev.spindle.hdl.Spindle;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A design the flow knows by name: its configuration record type, the default configuration and the builder of its
 * top. {@code spindle generate|sim|estimate|demo}, sweeps and tests all reach a design through its {@code Design}
 * entry in {@link Designs}; what other modules add to a design (its testbench from {@code sim}, …) is an
 * {@link Attachment} of the same entry, typed by the same {@code C} and {@code T}.
 *
 * @param name        the name on the command line: lower case letters, digits and '-', e.g. {@code softmax}
 * @param description one line for {@code spindle generate --list}
 * @param configType  the configuration record; its components are the {@code --set} keys ({@link ConfigParser})
 * @param defaults    the configuration used for keys that are not set; null when every key must be set
 * @param build       makes the top from a configuration (called inside {@link Spindle#elaborate})
 */
public record Design<C extends Record, T extends ConfiguredComponent<C>>(
        String name, String description, Class<C> configType, C defaults, Function<C, T> build) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");

    public Design {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("design name '" + name + "' is not allowed: lower case letters, digits and '-', starting with a letter");
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(configType, "configType");
        Objects.requireNonNull(build, "build");
    }

    /**
     * Something another module attaches to a design, e.g. the testbench {@code spindle sim} runs. It names the
     * entry it belongs to; providers list it in {@link DesignProvider#attachments()}.
     */
    public interface Attachment<C extends Record, T extends ConfiguredComponent<C>> {
        Design<C, T> design();
    }

    /** The defaults with {@code settings} ({@code key -> value}, the {@code --set} pairs) applied; errors name the key. */
    public C config(Map<String, String> settings) { return ConfigParser.parse(configType, defaults, settings); }

    /** Builds, routes clocks and checks the design for {@code config}. */
    public Elaborated<T> elaborate(C config) {
        Objects.requireNonNull(config, "config");
        return Spindle.elaborate(() -> build.apply(config));
    }

    /** {@link #elaborate(Record)} of {@link #config(Map)}. */
    public Elaborated<T> elaborate(Map<String, String> settings) { return elaborate(config(settings)); }

    /** The {@code key=value} settings that give {@code config} back through {@link #config(Map)}, in component order. */
    public Map<String, String> settings(C config) { return ConfigParser.settings(config); }

    /** A stable hash of the design and configuration (name and settings), for sweep points and caches. */
    public String hash(C config) { return ConfigParser.hash(name, config); }

    @Override public String toString() { return "Design[" + name + ", " + configType.getSimpleName() + "]"; }
}
