package dev.spindle.sim.verilator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Accumulates the inputs of a build into a SHA-256 digest, plus a readable description of them
 * (written next to the product as {@code key.txt}, so a surprising cache miss can be diffed).
 */
final class CacheKey {

    private final MessageDigest digest;
    private final StringBuilder description = new StringBuilder();

    CacheKey() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** Adds a labelled text; length prefixes keep "ab"+"c" distinct from "a"+"bc". */
    CacheKey add(String label, String text) {
        return add(label, text.getBytes(StandardCharsets.UTF_8), text.length() <= 200 && !text.contains("\n"));
    }

    /** Adds labelled bytes; the description shows their own SHA-256 rather than the content. */
    CacheKey add(String label, byte[] bytes) {
        return add(label, bytes, false);
    }

    private CacheKey add(String label, byte[] bytes, boolean showText) {
        update(label.getBytes(StandardCharsets.UTF_8));
        update(bytes);
        description.append(label).append(": ")
                .append(showText ? new String(bytes, StandardCharsets.UTF_8) : "sha256 " + sha256(bytes))
                .append('\n');
        return this;
    }

    private void update(byte[] bytes) {
        long length = bytes.length;
        for (int i = 0; i < 8; i++) digest.update((byte) (length >>> (8 * i)));
        digest.update(bytes);
    }

    /** The hex digest; the key cannot be extended afterwards. */
    String hash() {
        return HexFormat.of().formatHex(digest.digest());
    }

    String description() {
        return description.toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
