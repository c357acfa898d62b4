package dev.spindle.nn.top;

/**
 * The one packet format on the accelerator's streams, used by the RTL ({@link AcceleratorTop}) and the host
 * ({@code dev.spindle.host}). A packet is a header beat followed by {@code beats} payload beats of the data width
 * W. The header sits in the low 64 bits of its beat (the rest is zero): bits 7..0 the kind, 31..8 an argument
 * (the weights' offset in beats, the number of token rows, a result's row count or an error's cause code),
 * 63..32 the payload length in beats. The device frames packets by this length only, never by {@code tlast}
 * (the XDMA driver puts {@code tlast} at the end of each write, and a large write arrives in pieces).
 */
public final class Packet {
    private Packet() {}

    /** Host to device: weights, {@code arg} = offset in beats (0 starts a new load). */
    public static final int WEIGHTS = 1;
    /** Host to device: token rows, {@code arg} = number of rows. */
    public static final int TOKENS = 2;
    /** Device to host: the results of one TOKENS packet, {@code arg} = rows. */
    public static final int RESULTS = 3;
    /** Device to host: a refused TOKENS packet, {@code arg} = the cause code; as many zero beats as RESULTS would have. */
    public static final int ERROR = 4;

    public static final int HEADER_BITS = 64;
    public static final int KIND_BITS = 8;
    public static final int ARG_LSB = 8, ARG_BITS = 24;
    public static final int BEATS_LSB = 32, BEATS_BITS = 32;
    public static final long MAX_ARG = (1L << ARG_BITS) - 1;

    /** A decoded header. */
    public record Header(int kind, int arg, long beats) {
        public Header {
            if (kind < 0 || kind > 255) throw new IllegalArgumentException("packet kind = " + kind + " is out of range: allowed 0..255");
            if (arg < 0 || arg > MAX_ARG) throw new IllegalArgumentException("packet arg = " + arg + " is out of range: allowed 0.." + MAX_ARG);
            if (beats < 0 || beats > 0xFFFF_FFFFL) throw new IllegalArgumentException("packet beats = " + beats + " is out of range: allowed 0..2^32-1");
        }

        public long encode() { return (kind & 0xFFL) | ((long) arg << ARG_LSB) | (beats << BEATS_LSB); }

        public static Header decode(long word) {
            return new Header((int) (word & 0xFF), (int) ((word >>> ARG_LSB) & MAX_ARG), word >>> BEATS_LSB);
        }

        public String kindName() { return Packet.kindName(kind); }
    }

    public static String kindName(int kind) {
        return switch (kind) {
            case WEIGHTS -> "WEIGHTS";
            case TOKENS -> "TOKENS";
            case RESULTS -> "RESULTS";
            case ERROR -> "ERROR";
            default -> "kind " + kind;
        };
    }
}
