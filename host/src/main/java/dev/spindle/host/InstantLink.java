package dev.spindle.host;

import dev.spindle.lib.axi.Register;
import dev.spindle.lib.axi.RegisterMap;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Packet;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.time.Duration;

/**
 * A benchmark's device that costs nothing: registers read their words after reset from the register map (the ID
 * registers their constants), a TOKENS packet
 * is answered at once by a RESULTS header for its rows (the result beats are left as they are, not computed). With
 * it the wall time of {@link Accelerator#submit} is the host's own cost and nothing else. For {@link HostBench}
 * only: it checks nothing and computes no result.
 */
final class InstantLink implements Link {
    private static final ValueLayout.OfLong WORD64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private final AcceleratorTop.Config config;
    private final RegisterMap map;
    private final int outBeats;
    private final Arena arena = Arena.ofShared();

    InstantLink(AcceleratorTop.Config config) {
        this.config = config;
        this.map = AcceleratorRegisters.map(config.id());
        this.outBeats = config.unit().outputLayout(config.dataWidth()).beatsPerRow();
    }

    @Override public String device() { return "instant"; }

    @Override public int wordBytes() { return config.dataWidth() / 8; }

    @Override
    public int readRegister(int offset) {
        for (Register r : map.registers()) if (r.offset() == offset) return r.resetWord();
        throw new LinkException("instant: no register at 0x" + Integer.toHexString(offset));
    }

    @Override public void writeRegister(int offset, int value) {}

    @Override public MemorySegment allocate(Arena arena, long bytes) { return arena.allocate(Math.max(bytes, 1), XdmaLink.PAGE); }

    @Override public MemorySegment allocate(long bytes) { return allocate(arena, bytes); }

    @Override public void write(MemorySegment h2c, Duration timeout) {}

    @Override
    public void exchange(MemorySegment h2c, MemorySegment c2h, Duration timeout) {
        Packet.Header h = Packet.Header.decode(h2c.get(WORD64, 0));
        c2h.set(WORD64, 0, new Packet.Header(Packet.RESULTS, h.arg(), (long) h.arg() * outBeats).encode());
    }

    @Override public void read(MemorySegment c2h, Duration timeout) {}

    private boolean closed;

    @Override
    public void close() {   // the Accelerator closes its link; closing again is a no-op, as for the other links
        if (closed) return;
        closed = true;
        arena.close();
    }
}
