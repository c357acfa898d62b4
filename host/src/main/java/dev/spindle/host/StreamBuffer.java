package dev.spindle.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One reusable stream buffer of a link, in an arena of its own: {@link #sized} hands out the same native memory
 * batch after batch and replaces it (freeing the old one at once) only when a larger batch needs more. So a host
 * that streams a million batches holds a fixed amount of native memory, not one buffer per batch.
 *
 * <p>Not thread-safe: its owner hands it to the transfer thread and takes it back only after that transfer ended.
 */
final class StreamBuffer implements AutoCloseable {
    private final Link link;
    private Arena arena;
    private MemorySegment segment;

    StreamBuffer(Link link) { this.link = link; }

    /** The first {@code bytes} of the buffer, grown (to at least twice its size) if it is smaller. */
    MemorySegment sized(long bytes) {
        if (segment == null || segment.byteSize() < bytes) {
            long size = segment == null ? bytes : Math.max(bytes, 2 * segment.byteSize());
            close();
            arena = Arena.ofShared();
            segment = link.allocate(arena, size);
        }
        return segment.asSlice(0, bytes);
    }

    /** Native bytes held now. */
    long capacity() { return segment == null ? 0 : segment.byteSize(); }

    /**
     * Frees the memory. A buffer still in a native call (a C2H read left blocked in the driver after a timeout)
     * cannot be freed: FFM keeps its arena acquired, and it is left to the driver rather than pulled from under it.
     */
    @Override
    public void close() {
        if (arena == null) return;
        try {
            arena.close();
        } catch (IllegalStateException stillInUse) {
            // Leaked on purpose: the driver may still write into it.
        }
        arena = null;
        segment = null;
    }
}
