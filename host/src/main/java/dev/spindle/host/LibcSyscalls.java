package dev.spindle.host;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * libc's {@code open}, {@code pread}, {@code pwrite} and {@code close} through FFM, with {@code errno} captured by
 * {@code Linker.Option.captureCallState("errno")} ({@code FileChannel} would hide it: the XDMA driver's errors are
 * in errno). Thread-safe: each call captures into its own state segment.
 */
public final class LibcSyscalls implements Syscalls {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE = Linker.Option.captureCallState("errno");
    public static final LibcSyscalls INSTANCE = new LibcSyscalls();   // after the statics its constructor uses

    private final MethodHandle open, pread, pwrite, close;

    private LibcSyscalls() {
        var libc = LINKER.defaultLookup();
        open = LINKER.downcallHandle(libc.find("open").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT), CAPTURE);
        pread = LINKER.downcallHandle(libc.find("pread").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CAPTURE);
        pwrite = LINKER.downcallHandle(libc.find("pwrite").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG), CAPTURE);
        close = LINKER.downcallHandle(libc.find("close").orElseThrow(), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }

    @Override
    public int open(String path, int flags) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(STATE);
            int fd = (int) open.invokeExact(state, a.allocateFrom(path), flags);
            return fd >= 0 ? fd : -errno(state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public long pread(int fd, MemorySegment buffer, long count, long offset) { return transfer(pread, fd, buffer, count, offset); }

    @Override
    public long pwrite(int fd, MemorySegment buffer, long count, long offset) { return transfer(pwrite, fd, buffer, count, offset); }

    private static long transfer(MethodHandle call, int fd, MemorySegment buffer, long count, long offset) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment state = a.allocate(STATE);
            long n = (long) call.invokeExact(state, fd, buffer, count, offset);
            return n >= 0 ? n : -errno(state);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    @Override
    public void close(int fd) {
        try {
            int ignored = (int) close.invokeExact(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    private static int errno(MemorySegment state) { return (int) ERRNO.get(state, 0L); }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
