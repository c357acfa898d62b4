package dev.spindle.nn;

import dev.spindle.hdl.Require;

/**
 * Configuration of {@link Flatten}: {@code tokens} beats of {@code features} raw values of {@code width} bits become
 * one beat of {@code tokens·features} values, index {@code token·features + feature} (the model's flatten).
 */
public record FlattenConfig(int tokens, int features, int width) {
    public FlattenConfig {
        Require.range("tokens", tokens, 1, 4096);
        Require.range("features", features, 1, 4096);
        Require.range("tokens·features", tokens * features, 1, 65536);
        Require.range("width", width, 1, 64);
    }

    /** One cycle from the last token's acceptance to the vector at the output. */
    public int latency() { return 1; }
}
