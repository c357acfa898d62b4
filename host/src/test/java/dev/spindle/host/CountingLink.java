package dev.spindle.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A link that passes everything on and remembers every buffer handed out, to tell how much native memory is live. */
final class CountingLink implements Link {
    private final Link link;
    private final List<MemorySegment> buffers = new ArrayList<>();

    CountingLink(Link link) { this.link = link; }

    /** Bytes of the buffers handed out whose arena is still open. */
    synchronized long liveBytes() {
        long n = 0;
        for (MemorySegment s : buffers) if (s.scope().isAlive()) n += s.byteSize();
        return n;
    }

    synchronized int allocations() { return buffers.size(); }

    private synchronized MemorySegment remember(MemorySegment s) {
        buffers.add(s);
        return s;
    }

    @Override public String device() { return link.device(); }
    @Override public int wordBytes() { return link.wordBytes(); }
    @Override public int readRegister(int offset) { return link.readRegister(offset); }
    @Override public void writeRegister(int offset, int value) { link.writeRegister(offset, value); }
    @Override public MemorySegment allocate(Arena arena, long bytes) { return remember(link.allocate(arena, bytes)); }
    @Override public MemorySegment allocate(long bytes) { return remember(link.allocate(bytes)); }
    @Override public void write(MemorySegment h2c, Duration timeout) { link.write(h2c, timeout); }
    @Override public void exchange(MemorySegment h2c, MemorySegment c2h, Duration timeout) { link.exchange(h2c, c2h, timeout); }
    @Override public void read(MemorySegment c2h, Duration timeout) { link.read(c2h, timeout); }
    @Override public void close() { link.close(); }
}
