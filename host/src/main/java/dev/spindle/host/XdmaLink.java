package dev.spindle.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A board's XDMA character devices ({@code <prefix>_user}, {@code <prefix>_h2c_0}, {@code <prefix>_c2h_0}), or the
 * same files served by the emulated device. Registers: positional 4-byte reads and writes of {@code _user} (the
 * driver moves exactly 4 bytes per call and wants 4-aligned offsets). Streams: {@code pwrite}/{@code pread} at
 * offset 0 from page-aligned native buffers (checked here: the driver would fail or copy), lengths in whole
 * data-path words; in {@link #exchange} the C2H read is posted on its own thread before the H2C write, as the
 * driver's own streaming test does. Every errno becomes a {@link LinkException} naming the file ({@link XdmaErrors}).
 *
 * <p>Deadlines: the driver's {@code c2h_timeout}/{@code h2c_timeout} bound each call; {@code timeout} here bounds
 * the wait for the reader thread in addition, so a read that the driver never ends is reported too (its thread
 * stays blocked until the driver gives up, and the link refuses further streams until then).
 */
public final class XdmaLink implements Link {
    public static final int PAGE = 4096;
    private static final ValueLayout.OfInt WORD = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.nativeOrder());

    private final Syscalls sys;
    private final String prefix;
    private final String device;
    private final int wordBytes;
    private final int user, h2c, c2h;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment registerBuffer;
    private final ExecutorService reader;
    private Future<?> stuckRead;
    private boolean closed;

    private XdmaLink(Syscalls sys, String prefix, int dataWidth, int user, int h2c, int c2h) {
        this.sys = sys;
        this.prefix = prefix;
        this.device = Path.of(prefix).getFileName().toString();
        this.wordBytes = dataWidth / 8;
        this.user = user;
        this.h2c = h2c;
        this.c2h = c2h;
        this.registerBuffer = arena.allocate(PAGE, PAGE);
        this.reader = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon().name("xdma-c2h-" + device).unstarted(r));
    }

    /** Opens {@code <prefix>_user}, {@code _h2c_0} and {@code _c2h_0} (e.g. prefix {@code /dev/xdma0}) for a top of {@code dataWidth} bits. */
    public static XdmaLink open(String prefix, int dataWidth) { return open(LibcSyscalls.INSTANCE, prefix, dataWidth); }

    public static XdmaLink open(Syscalls sys, String prefix, int dataWidth) {
        if (dataWidth % 32 != 0 || dataWidth < 32) throw new IllegalArgumentException("dataWidth = " + dataWidth + ": allowed 64, 128, 256, 512");
        int user = openOrThrow(sys, prefix + "_user", Syscalls.O_RDWR, -1, -1);
        int h2c = openOrThrow(sys, prefix + "_h2c_0", Syscalls.O_WRONLY, user, -1);
        int c2h = openOrThrow(sys, prefix + "_c2h_0", Syscalls.O_RDONLY, user, h2c);
        return new XdmaLink(sys, prefix, dataWidth, user, h2c, c2h);
    }

    private static int openOrThrow(Syscalls sys, String file, int flags, int close1, int close2) {
        int fd = sys.open(file, flags);
        if (fd < 0) {
            if (close1 >= 0) sys.close(close1);
            if (close2 >= 0) sys.close(close2);
            throw new LinkException(XdmaErrors.message(file, "open", -fd));
        }
        return fd;
    }

    @Override public String device() { return device; }

    @Override public int wordBytes() { return wordBytes; }

    @Override public MemorySegment allocate(Arena arena, long bytes) { return arena.allocate(Math.max(bytes, 1), PAGE); }

    @Override public MemorySegment allocate(long bytes) { return allocate(arena, bytes); }

    @Override
    public synchronized int readRegister(int offset) {
        checkOffset(offset);
        long n = sys.pread(user, registerBuffer, 4, offset);
        if (n < 0) throw new LinkException(XdmaErrors.message(prefix + "_user", "register read at 0x" + Integer.toHexString(offset), (int) -n));
        if (n != 4) throw new LinkException(prefix + "_user: register read at 0x" + Integer.toHexString(offset) + " returned " + n + " bytes, expected 4");
        return registerBuffer.get(WORD, 0);
    }

    @Override
    public synchronized void writeRegister(int offset, int value) {
        checkOffset(offset);
        registerBuffer.set(WORD, 0, value);
        long n = sys.pwrite(user, registerBuffer, 4, offset);
        if (n < 0) throw new LinkException(XdmaErrors.message(prefix + "_user", "register write at 0x" + Integer.toHexString(offset), (int) -n));
        if (n != 4) throw new LinkException(prefix + "_user: register write at 0x" + Integer.toHexString(offset) + " moved " + n + " bytes, expected 4");
    }

    private void checkOffset(int offset) {
        if (offset < 0 || offset % 4 != 0) throw new IllegalArgumentException("register offset 0x" + Integer.toHexString(offset) + " is not a non-negative multiple of 4");
    }

    @Override
    public void write(MemorySegment data, Duration timeout) {
        checkStreamBuffer(data, "H2C write");
        checkNotStuck();
        pwriteAll(data);
    }

    @Override
    public void read(MemorySegment into, Duration timeout) { exchange(null, into, timeout); }

    @Override
    public void exchange(MemorySegment out, MemorySegment in, Duration timeout) {
        if (out != null) checkStreamBuffer(out, "H2C write");
        checkStreamBuffer(in, "C2H read");
        checkNotStuck();
        Future<Long> read = reader.submit(() -> sys.pread(c2h, in, in.byteSize(), 0));
        LinkException writeFailure = null;
        if (out != null) {
            try {
                pwriteAll(out);
            } catch (LinkException e) {
                writeFailure = e;
            }
        }
        long n;
        try {
            n = read.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stuckRead = read;
            throw new LinkException.Timeout(prefix + "_c2h_0: C2H read of " + in.byteSize() + " bytes did not complete within " + timeout.toMillis()
                    + " ms (the driver's c2h_timeout may be longer; the read stays posted until it ends)"
                    + (writeFailure != null ? "; the H2C write had failed: " + writeFailure.getMessage() : ""), 0);
        } catch (ExecutionException e) {
            throw new LinkException(prefix + "_c2h_0: C2H read failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(prefix + "_c2h_0: interrupted while waiting for the C2H read", e);
        }
        if (writeFailure != null) throw writeFailure;
        if (n < 0) throw streamError(prefix + "_c2h_0", "C2H read of " + in.byteSize() + " bytes", n);
        if (n != in.byteSize()) {
            throw new LinkException(prefix + "_c2h_0: short read: " + n + " of " + in.byteSize() + " bytes (the device ended the "
                    + "packet early, or the driver split it); the partial data is discarded");
        }
    }

    private void pwriteAll(MemorySegment data) {
        long n = sys.pwrite(h2c, data, data.byteSize(), 0);
        if (n < 0) throw streamError(prefix + "_h2c_0", "H2C write of " + data.byteSize() + " bytes", n);
        if (n != data.byteSize()) {
            throw new LinkException(prefix + "_h2c_0: short write: " + n + " of " + data.byteSize() + " bytes taken; the device has part of a packet "
                    + "(the accelerator must be aborted before the next one)");
        }
    }

    /** The driver's error for a stream transfer that returned {@code -errno}: a timeout as {@link LinkException.Timeout}. */
    private static LinkException streamError(String file, String what, long n) {
        int errno = (int) -n;
        String msg = XdmaErrors.message(file, what, errno);
        return XdmaErrors.isTimeout(errno) ? new LinkException.Timeout(msg, 0) : new LinkException(msg);
    }

    private void checkStreamBuffer(MemorySegment s, String what) {
        if (!s.isNative()) throw new IllegalArgumentException(what + ": the buffer is on the Java heap; DMA needs native memory from allocate()");
        if (s.address() % PAGE != 0) {
            throw new IllegalArgumentException(what + ": the buffer at 0x" + Long.toHexString(s.address()) + " is not page-aligned ("
                    + PAGE + " bytes); the XDMA engine needs aligned buffers: use allocate()");
        }
        if (s.byteSize() == 0 || s.byteSize() % wordBytes != 0) {
            throw new IllegalArgumentException(what + " of " + s.byteSize() + " bytes is not a whole number of " + wordBytes + "-byte data-path words");
        }
    }

    private void checkNotStuck() {
        if (stuckRead != null && !stuckRead.isDone()) {
            throw new LinkException(prefix + "_c2h_0: an earlier C2H read is still blocked in the driver; wait for its timeout or reset the device");
        }
        stuckRead = null;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        reader.shutdownNow();
        try {
            reader.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sys.close(c2h);
        sys.close(h2c);
        sys.close(user);
        arena.close();
    }
}
