package dev.spindle.hdl;

/** Validation for configuration records: every message names the field and the allowed range. */
public final class Require {
    private Require() {}

    /** Fails unless {@code min <= value <= max}. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " = " + value + " is out of range: allowed " + min + ".." + max);
        }
        return value;
    }

    /** Fails unless {@code value >= min}. */
    public static int atLeast(String field, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(field + " = " + value + " is out of range: allowed " + min + " or more");
        }
        return value;
    }

    /** Fails with {@code field: message} unless the condition holds. */
    public static void that(boolean condition, String field, String message) {
        if (!condition) throw new IllegalArgumentException(field + ": " + message);
    }

    public static <T> T nonNull(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}
