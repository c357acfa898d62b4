package dev.spindle.host;

/** A transfer that failed: the message names the device, what happened and what to check. */
public class LinkException extends RuntimeException {
    public LinkException(String message) { super(message); }

    public LinkException(String message, Throwable cause) { super(message, cause); }

    /** The transfer did not complete within its deadline; {@link #transferred()} bytes had moved. */
    public static final class Timeout extends LinkException {
        private final long transferred;

        public Timeout(String message, long transferred) {
            super(message);
            this.transferred = transferred;
        }

        public long transferred() { return transferred; }
    }
}
