package dev.spindle.nn.top;

/** Why the accelerator raised its error bit: the code in {@code STATUS.cause} and in an ERROR packet's argument. */
public enum Cause {
    NONE(0, "no error"),
    BAD_KIND(1, "a packet of unknown kind (the host and the bitstream disagree on the packet format)"),
    WEIGHTS_OUT_OF_ORDER(2, "a weight packet's offset is not the next expected beat (load the weights again from offset 0)"),
    WEIGHTS_TOO_LONG(3, "a weight packet runs past the end of the weight memory"),
    NO_WEIGHTS(4, "tokens arrived while no complete weight set is loaded (a short or interrupted load leaves the weights invalid)"),
    BAD_LENGTH(5, "a token packet's length is not rows × beats per row, or it has no rows"),
    NOT_WEIGHTED(6, "a weight packet was sent to a unit that takes no weights");

    public final int code;
    public final String meaning;

    Cause(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public static Cause of(int code) {
        for (Cause c : values()) if (c.code == code) return c;
        throw new IllegalArgumentException("unknown cause code " + code + ": the bitstream is newer than this host library");
    }

    @Override public String toString() { return name() + " (" + code + "): " + meaning; }
}
