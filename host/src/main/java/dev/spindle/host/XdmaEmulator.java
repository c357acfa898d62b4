package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorRegisters;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An emulated XDMA device: a FUSE file system ({@link FuseLibrary}) serving {@code <dir>/<prefix>_user},
 * {@code _h2c_0} and {@code _c2h_0} with the driver's semantics, backed by a {@link SimLink} (the Verilated top),
 * so that {@link XdmaLink} — or any other host program — runs unchanged against it. One device thread owns the
 * simulation; FUSE's threads hand it register accesses and stream transfers and wait. A C2H read takes beats only
 * while it is posted and fails with ETIMEDOUT after {@code timeout}, as the driver's {@code c2h_timeout}; an H2C
 * write likewise. Faults can be injected ({@link #inject}). One emulator per process (libfuse state is global).
 */
public final class XdmaEmulator implements AutoCloseable {
    /** Faults to inject; each applies to the next matching access (WRONG_ID until {@link #clear}). */
    public enum Fault {
        /** The next C2H read returns half of what was asked (whole words), the rest stays in the device. */
        SHORT_READ,
        /** The next C2H read never gets data and fails with ETIMEDOUT after the timeout. */
        TIMEOUT,
        /** The device vanishes in the middle of the next H2C write: that write and everything after fail with ENODEV. */
        VANISH,
        /** Register reads of ID_HASH_0 return a wrong value (another bitstream). */
        WRONG_ID
    }

    private static final int EIO = 5, ENODEV = 19, EINVAL = 22, ETIMEDOUT = 110;

    private final SimLink link;
    private final Path dir;
    private final String prefix;
    private final Duration timeout;
    private final BlockingQueue<Runnable> registerOps = new LinkedBlockingQueue<>();
    private final Set<Fault> faults = EnumSet.noneOf(Fault.class);
    private final Object writeLock = new Object(), readLock = new Object();
    private final Arena upcalls = Arena.ofShared();
    private final Thread deviceThread, fuseThread;
    private final Thread shutdownHook;
    private volatile Job write, read;
    private volatile boolean stopping, vanished;
    private volatile int fuseResult = Integer.MIN_VALUE;

    /** A stream transfer handed to the device thread. */
    private static final class Job {
        final SimLink.Transfer transfer;
        final long deadline;
        final CompletableFuture<Long> done = new CompletableFuture<>();

        Job(SimLink.Transfer transfer, Duration timeout) {
            this.transfer = transfer;
            this.deadline = System.nanoTime() + timeout.toNanos();
        }
    }

    private XdmaEmulator(SimLink link, Path dir, String prefix, Duration timeout) {
        this.link = link;
        this.dir = dir;
        this.prefix = prefix;
        this.timeout = timeout;
        deviceThread = Thread.ofPlatform().name("xdma-emulator-device").daemon().unstarted(this::deviceLoop);
        fuseThread = Thread.ofPlatform().name("xdma-emulator-fuse").daemon().unstarted(this::serve);
        shutdownHook = Thread.ofPlatform().unstarted(this::stopFuse);
    }

    /**
     * Mounts the device files in {@code dir} (created if missing) and returns once they are served. {@code timeout}
     * is the emulated driver's c2h/h2c timeout.
     */
    public static XdmaEmulator start(SimLink link, Path dir, String prefix, Duration timeout) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("--mount " + dir + ": cannot create the directory: " + e.getMessage());
        }
        XdmaEmulator e = new XdmaEmulator(link, dir.toAbsolutePath(), prefix, timeout);
        e.deviceThread.start();
        e.fuseThread.start();
        Runtime.getRuntime().addShutdownHook(e.shutdownHook);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(e.dir.resolve(prefix + "_user"))) {
            if (e.fuseResult != Integer.MIN_VALUE || System.nanoTime() > deadline) {
                e.close();
                throw new IllegalStateException("emulate: mounting the FUSE file system on " + dir + " failed (step " + e.fuseResult
                        + "): is /dev/fuse present and fuse3 installed (scripts/setup), and are you root?");
            }
            sleep(10);
        }
        return e;
    }

    /** {@code <dir>/<prefix>}: pass it to {@link XdmaLink#open} like {@code /dev/xdma0}. */
    public String devicePrefix() { return dir.resolve(prefix).toString(); }

    public Path mount() { return dir; }

    public SimLink link() { return link; }

    public void inject(Fault f) { synchronized (faults) { faults.add(f); } }

    public void clear() { synchronized (faults) { faults.clear(); } }

    private boolean take(Fault f) { synchronized (faults) { return faults.remove(f); } }

    private boolean has(Fault f) { synchronized (faults) { return faults.contains(f); } }

    // ---- the FUSE side (FUSE's threads) -------------------------------------------------------------------------

    private void serve() {
        try {
            FuseLibrary fuse = FuseLibrary.load();
            Linker linker = Linker.nativeLinker();
            var lookup = MethodHandles.lookup();
            MemorySegment rr = linker.upcallStub(lookup.bind(this, "regRead", MethodType.methodType(int.class, int.class, MemorySegment.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_INT)), upcalls);
            MemorySegment rw = linker.upcallStub(lookup.bind(this, "regWrite", MethodType.methodType(int.class, int.class, int.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT), upcalls);
            MemorySegment hw = linker.upcallStub(lookup.bind(this, "h2cWrite", MethodType.methodType(long.class, MemorySegment.class, long.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), upcalls);
            MemorySegment cr = linker.upcallStub(lookup.bind(this, "c2hRead", MethodType.methodType(long.class, MemorySegment.class, long.class)),
                    FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG), upcalls);
            try (Arena a = Arena.ofConfined()) {
                fuseResult = (int) fuse.run.invokeExact(a.allocateFrom(dir.toString()), a.allocateFrom(prefix), rr, rw, hw, cr);
            }
        } catch (Throwable t) {
            System.err.println("emulate: the FUSE loop failed: " + t);
            fuseResult = -100;
        }
    }

    private int regRead(int offset, MemorySegment value) {
        try {
            if (vanished) return -ENODEV;
            int v = onDevice(() -> link.readRegister(offset));
            if (offset == AcceleratorRegisters.LAYOUT.offset("ID_HASH_0") && has(Fault.WRONG_ID)) v ^= 1;
            value.set(ValueLayout.JAVA_INT, 0, v);
            return 0;
        } catch (Throwable t) {
            return -EIO;
        }
    }

    private int regWrite(int offset, int value) {
        try {
            if (vanished) return -ENODEV;
            onDevice(() -> {
                link.writeRegister(offset, value);
                return null;
            });
            return 0;
        } catch (Throwable t) {
            return -EIO;
        }
    }

    private long h2cWrite(MemorySegment buffer, long length) {
        return streamAccess(writeLock, length, () -> {
            byte[] data = buffer.reinterpret(length).toArray(ValueLayout.JAVA_BYTE);
            boolean vanish = take(Fault.VANISH);
            long taken = vanish ? Math.max(1, length / link.wordBytes() / 2) * link.wordBytes() : length;
            MemorySegment part = MemorySegment.ofArray(data).asSlice(0, taken);
            long n = run(new Job(link.new Transfer(part, "H2C write"), timeout), true);
            if (vanish) {
                vanished = true;
                return (long) -ENODEV;
            }
            return n < 0 ? n : length;
        });
    }

    private long c2hRead(MemorySegment buffer, long length) {
        return streamAccess(readLock, length, () -> {
            if (take(Fault.TIMEOUT)) {
                sleep(timeout.toMillis());
                return (long) -ETIMEDOUT;
            }
            long want = take(Fault.SHORT_READ) ? Math.max(1, length / link.wordBytes() / 2) * link.wordBytes() : length;
            byte[] data = new byte[(int) want];
            long n = run(new Job(link.new Transfer(MemorySegment.ofArray(data), "C2H read"), timeout), false);
            if (n < 0) return n;
            MemorySegment.copy(MemorySegment.ofArray(data), 0, buffer.reinterpret(length), 0, want);
            return want;
        });
    }

    /**
     * One stream transfer as the driver checks it, one at a time per direction ({@code lock}): ENODEV once the device
     * vanished, EINVAL for a length that is not whole words, EIO for anything the transfer throws.
     */
    private long streamAccess(Object lock, long length, Callable<Long> transfer) {
        try {
            synchronized (lock) {
                if (vanished) return -ENODEV;
                if (length % link.wordBytes() != 0) return -EINVAL;
                return transfer.call();
            }
        } catch (Throwable t) {
            return -EIO;
        }
    }

    /** Hands a transfer to the device thread and waits for it: its byte count, or -ETIMEDOUT / -ENODEV. */
    private long run(Job job, boolean isWrite) throws Exception {
        if (isWrite) write = job;
        else read = job;
        registerOps.offer(() -> { });   // wake the device thread
        return job.done.get();
    }

    private <T> T onDevice(Callable<T> op) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        registerOps.offer(() -> {
            try {
                f.complete(op.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    // ---- the device thread --------------------------------------------------------------------------------------

    private void deviceLoop() {
        while (!stopping) {
            Job w = write, r = read;
            Runnable op;
            try {
                op = w == null && r == null ? registerOps.poll(20, TimeUnit.MILLISECONDS) : registerOps.poll();
            } catch (InterruptedException e) {
                break;
            }
            if (op != null) {
                op.run();
                continue;
            }
            if (w == null && r == null) continue;
            for (int i = 0; i < 256; i++) {
                link.step(w == null || w.transfer.complete() ? null : w.transfer, r == null || r.transfer.complete() ? null : r.transfer);
                if ((w == null || w.transfer.complete()) && (r == null || r.transfer.complete())) break;
            }
            w = finish(w, true);
            r = finish(r, false);
        }
        Job w = write, r = read;
        if (w != null) w.done.complete((long) -ENODEV);
        if (r != null) r.done.complete((long) -ENODEV);
    }

    private Job finish(Job j, boolean isWrite) {
        if (j == null) return null;
        long result;
        if (j.transfer.complete()) result = j.transfer.bytesDone();
        else if (System.nanoTime() > j.deadline) result = -ETIMEDOUT;
        else return j;
        if (isWrite) write = null;
        else read = null;
        j.done.complete(result);
        return null;
    }

    // ---- shutdown ------------------------------------------------------------------------------------------------

    private void stopFuse() {
        try {
            FuseLibrary.load().stop.invokeExact();
        } catch (Throwable t) {
            System.err.println("emulate: stopping FUSE failed: " + t);
        }
    }

    /** Unmounts, stops the device thread and closes the simulation. */
    @Override
    public void close() {
        stopFuse();
        try {
            fuseThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fuseThread.isAlive()) {
            try {
                new ProcessBuilder("fusermount3", "-u", "-z", dir.toString()).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("emulate: fusermount3 -u -z " + dir + " failed: " + e);
            }
        }
        stopping = true;
        try {
            deviceThread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException ignored) {
            // Already shutting down: the hook is running or ran.
        }
        link.close();
        if (!fuseThread.isAlive()) upcalls.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
