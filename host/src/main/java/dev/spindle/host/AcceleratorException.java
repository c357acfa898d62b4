package dev.spindle.host;

import dev.spindle.nn.top.Cause;

/** The accelerator refused or failed an operation; {@link #cause()} is the hardware's cause code when it gave one. */
public final class AcceleratorException extends RuntimeException {
    private final Cause hardwareCause;

    public AcceleratorException(String message, Cause hardwareCause, Throwable cause) {
        super(message, cause);
        this.hardwareCause = hardwareCause;
    }

    public AcceleratorException(String message) { this(message, Cause.NONE, null); }

    /** The hardware's cause code ({@link Cause#NONE} when the failure was not reported by the hardware). */
    public Cause hardwareCause() { return hardwareCause; }
}
