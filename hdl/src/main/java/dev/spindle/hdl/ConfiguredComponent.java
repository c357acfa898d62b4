package dev.spindle.hdl;

import java.util.Objects;

/**
 * A component built from a configuration record {@code C}, which it keeps and reports typed: a testbench reads
 * {@code sim.dut().config()} as a {@code C}, and the manifest records it. Pass the record to {@code super(c)} as
 * the constructor's first statement:
 *
 * <pre>{@code
 * public final class Counter extends ConfiguredComponent<Counter.Config> {
 *     public record Config(int width, boolean enable) { ... }
 *     public Counter(Config c) { super(c); ... }
 * }
 * }</pre>
 *
 * <p>Components without a configuration extend {@link Component} directly (rather than {@code Component<Void>}),
 * so that neither they nor the code that holds any component ({@code Sim<T extends Component>}) carry a type
 * argument they do not use.
 */
public abstract class ConfiguredComponent<C extends Record> extends Component {
    private final C config;

    protected ConfiguredComponent(C config) {
        this.config = Objects.requireNonNull(config, () -> getClass().getSimpleName() + ": the configuration is null");
        node().setConfig(config);
    }

    /** The configuration this instance was built from. */
    public final C config() { return config; }
}
