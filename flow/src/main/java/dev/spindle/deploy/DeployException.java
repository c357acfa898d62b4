package dev.spindle.deploy;

/** A deployment step or check failed; the message says which, names the file or port, and what to do. */
public final class DeployException extends RuntimeException {
    public DeployException(String message) { super(message); }

    public DeployException(String message, Throwable cause) { super(message, cause); }
}
