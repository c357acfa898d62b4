package dev.spindle.host;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the emulated device cannot produce, tested at XdmaLink's syscall layer: error 512 (ERESTARTSYS; FUSE refuses
 * daemon errors at or below -512), misaligned and heap buffers (FUSE never sees the buffer's address), EPROTO and
 * EACCES messages.
 */
class XdmaSyscallLayerTest {
    /** Files 3, 4, 5 open; reads and writes answer with the programmed results. */
    static final class FakeSyscalls implements Syscalls {
        final AtomicLong readResult = new AtomicLong(0), writeResult = new AtomicLong(0);
        int openErrno;

        @Override public int open(String path, int flags) { return openErrno != 0 ? -openErrno : path.endsWith("_user") ? 3 : path.endsWith("_h2c_0") ? 4 : 5; }

        @Override public long pread(int fd, MemorySegment b, long count, long offset) { return readResult.get() == 0 ? count : readResult.get(); }

        @Override public long pwrite(int fd, MemorySegment b, long count, long offset) { return writeResult.get() == 0 ? count : writeResult.get(); }

        @Override public void close(int fd) { }
    }

    @Test void error512IsATimeoutWithItsExplanation() {
        FakeSyscalls sys = new FakeSyscalls();
        try (XdmaLink link = XdmaLink.open(sys, "/dev/xdma0", 64)) {
            sys.readResult.set(-XdmaErrors.ERESTARTSYS);
            LinkException e = assertThrows(LinkException.class, () -> link.exchange(link.allocate(64), link.allocate(64), Duration.ofSeconds(1)));
            assertTrue(e instanceof LinkException.Timeout, e.toString());
            assertTrue(e.getMessage().startsWith("/dev/xdma0_c2h_0: ") && e.getMessage().contains("Unknown error 512"), e.getMessage());
            sys.readResult.set(-XdmaErrors.EPROTO);
            e = assertThrows(LinkException.class, () -> link.readRegister(8));
            assertTrue(e.getMessage().contains("/dev/xdma0_user") && e.getMessage().contains("EPROTO"), e.getMessage());
            sys.readResult.set(32);
            e = assertThrows(LinkException.class, () -> link.exchange(link.allocate(64), link.allocate(64), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("short read: 32 of 64 bytes"), e.getMessage());
        }
    }

    @Test void buffersMustBeNativePageAlignedWholeWords() {
        try (XdmaLink link = XdmaLink.open(new FakeSyscalls(), "/dev/xdma0", 64); Arena a = Arena.ofConfined()) {
            MemorySegment aligned = link.allocate(8192);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> link.write(aligned.asSlice(8, 64), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("not page-aligned"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> link.write(MemorySegment.ofArray(new byte[64]), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("Java heap"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> link.write(aligned.asSlice(0, 12), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("whole number of 8-byte"), e.getMessage());
            link.write(aligned.asSlice(0, 64), Duration.ofSeconds(1));
            assertEquals(0, aligned.address() % XdmaLink.PAGE);
        }
    }

    @Test void openErrorsNameTheFileAndWhatToCheck() {
        FakeSyscalls sys = new FakeSyscalls();
        sys.openErrno = 13;
        LinkException e = assertThrows(LinkException.class, () -> XdmaLink.open(sys, "/dev/xdma3", 128));
        assertTrue(e.getMessage().startsWith("/dev/xdma3_user: open failed: permission denied (errno 13, EACCES)"), e.getMessage());
    }
}
