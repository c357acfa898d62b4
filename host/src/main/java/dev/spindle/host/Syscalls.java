package dev.spindle.host;

import java.lang.foreign.MemorySegment;

/**
 * The few POSIX calls {@link XdmaLink} makes, each returning its result or {@code -errno}. {@link LibcSyscalls}
 * calls libc through FFM; tests substitute errors the emulated device cannot produce (FUSE cannot return
 * ERESTARTSYS, error 512).
 */
public interface Syscalls {
    int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2;

    /** A file descriptor, or -errno. */
    int open(String path, int flags);

    /** Bytes read, or -errno. */
    long pread(int fd, MemorySegment buffer, long count, long offset);

    /** Bytes written, or -errno. */
    long pwrite(int fd, MemorySegment buffer, long count, long offset);

    void close(int fd);
}
