package dev.spindle.design;

import java.util.List;

/**
 * Contributes designs, and attachments to designs, to {@link Designs}. A module (or a user's project) lists its
 * providers in {@code META-INF/services/dev.spindle.design.DesignProvider}, one class name a line; each needs a
 * public no-argument constructor. {@code hdl} provides the built-in designs ({@link BuiltinDesigns}), {@code sim}
 * their testbenches.
 */
public interface DesignProvider {
    /** The designs this provider defines. */
    default List<Design<?, ?>> designs() { return List.of(); }

    /** What this provider attaches to designs defined here or by another provider. */
    default List<Design.Attachment<?, ?>> attachments() { return List.of(); }
}
