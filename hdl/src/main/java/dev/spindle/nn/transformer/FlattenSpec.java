package dev.spindle.nn.transformer;

/** Flattens (sequence, features) to one vector, index {@code token·features + feature} (Keras' Flatten). */
public record FlattenSpec(String name) implements LayerSpec {}
