package dev.spindle.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;

/**
 * The transport to an accelerator top: its AXI4-Lite registers and its two AXI4-Stream channels, as the XDMA
 * driver exposes them ({@link XdmaLink}) or simulated in-process ({@link SimLink}). Streams move whole data-path
 * words. Every call that waits has a timeout and throws {@link LinkException} when it passes; nothing partial is
 * ever reported as done. A link is not thread-safe: one thread at a time (the {@link Accelerator} keeps to one).
 */
public interface Link extends AutoCloseable {
    /** {@code sim} or the device prefix's base name ({@code xdma0}). */
    String device();

    /** Bytes per data-path word (the top's dataWidth / 8). */
    int wordBytes();

    int readRegister(int offset);

    void writeRegister(int offset, int value);

    /**
     * A buffer this link can stream from or into (page-aligned native memory), in {@code arena}: the caller frees it
     * by closing the arena. What streams many batches allocates here, once, and reuses the buffer.
     */
    MemorySegment allocate(Arena arena, long bytes);

    /**
     * A buffer in the link's own arena, freed only when the link closes: for a few buffers (a test's raw packets),
     * never once per transfer.
     */
    MemorySegment allocate(long bytes);

    /** Writes {@code h2c} (whole words) to the H2C stream; returns once the device has taken all of it. */
    void write(MemorySegment h2c, Duration timeout);

    /**
     * Posts a C2H read of {@code c2h.byteSize()} bytes, then writes {@code h2c}; returns when both are complete
     * (the read is posted first, as the XDMA driver needs, so the device can answer while the write goes on).
     */
    void exchange(MemorySegment h2c, MemorySegment c2h, Duration timeout);

    /** Reads {@code c2h.byteSize()} bytes from C2H; used to drain a response left behind by a failure. */
    void read(MemorySegment c2h, Duration timeout);

    @Override void close();
}
