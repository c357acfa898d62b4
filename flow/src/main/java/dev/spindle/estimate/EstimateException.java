package dev.spindle.estimate;

/** An estimate that could not be made: Yosys missing, a Yosys error in the Verilog, or unreadable output. */
public final class EstimateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EstimateException(String message) {
        super(message);
    }

    public EstimateException(String message, Throwable cause) {
        super(message, cause);
    }
}
