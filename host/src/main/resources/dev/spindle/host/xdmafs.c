/*
 * Spindle's emulated XDMA device: a FUSE file system serving <prefix>_user, <prefix>_h2c_0 and <prefix>_c2h_0 with
 * the XDMA driver's semantics (dma_ip_drivers XDMA/linux-kernel: cdev_ctrl.c, cdev_sgdma.c). The device behind the
 * files is Java's (the Verilated accelerator top): every access is an upcall through the four function pointers
 * given to xdmafs_run, which return a byte count or -errno. What the driver itself enforces is enforced here:
 * files opened with direct_io (no page cache), user-BAR accesses of exactly 4 bytes at 4-aligned offsets (EPROTO
 * otherwise), one opener of the C2H channel at a time (EBUSY). Compiled at test time and cached (XdmaEmulator).
 */
#define FUSE_USE_VERSION 31
#include <fuse.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

typedef int (*reg_read_fn)(uint32_t offset, uint32_t *value);
typedef int (*reg_write_fn)(uint32_t offset, uint32_t value);
typedef long (*h2c_write_fn)(const void *buf, uint64_t len);
typedef long (*c2h_read_fn)(void *buf, uint64_t len);

enum { F_NONE, F_USER, F_H2C, F_C2H };

static char names[3][64];
static reg_read_fn reg_read;
static reg_write_fn reg_write;
static h2c_write_fn h2c_write;
static c2h_read_fn c2h_read;
static struct fuse *fs;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c2h_released = PTHREAD_COND_INITIALIZER;
static int c2h_open;

/* FUSE sends RELEASE asynchronously: close() returns before x_release runs, whereas the driver's release is done
 * when close() returns. So a program that closes the C2H file and opens it again at once would see a spurious EBUSY;
 * an open waits up to this long for a pending release (the loop is multithreaded) before it says EBUSY. */
#define RELEASE_GRACE_MS 500

static int which(const char *path) {
    if (path[0] != '/') return F_NONE;
    for (int i = 0; i < 3; i++) if (strcmp(path + 1, names[i]) == 0) return F_USER + i;
    return F_NONE;
}

static int x_getattr(const char *path, struct stat *st, struct fuse_file_info *fi) {
    (void) fi;
    memset(st, 0, sizeof *st);
    if (strcmp(path, "/") == 0) {
        st->st_mode = S_IFDIR | 0755;
        st->st_nlink = 2;
        return 0;
    }
    int f = which(path);
    if (f == F_NONE) return -ENOENT;
    st->st_mode = S_IFREG | (f == F_USER ? 0666 : f == F_H2C ? 0222 : 0444);
    st->st_nlink = 1;
    st->st_size = 0;
    return 0;
}

static int x_readdir(const char *path, void *buf, fuse_fill_dir_t fill, off_t off, struct fuse_file_info *fi,
                     enum fuse_readdir_flags flags) {
    (void) off; (void) fi; (void) flags;
    if (strcmp(path, "/") != 0) return -ENOENT;
    fill(buf, ".", NULL, 0, 0);
    fill(buf, "..", NULL, 0, 0);
    for (int i = 0; i < 3; i++) fill(buf, names[i], NULL, 0, 0);
    return 0;
}

static int x_open(const char *path, struct fuse_file_info *fi) {
    int f = which(path);
    if (f == F_NONE) return -ENOENT;
    if (f == F_C2H) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long) RELEASE_GRACE_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_mutex_lock(&lock);
        while (c2h_open && pthread_cond_timedwait(&c2h_released, &lock, &until) == 0) { }
        int busy = c2h_open;
        if (!busy) c2h_open = 1;
        pthread_mutex_unlock(&lock);
        if (busy) return -EBUSY;   /* the driver's ST C2H engine is exclusive */
    }
    fi->direct_io = 1;
    fi->fh = (uint64_t) f;
    return 0;
}

static int x_release(const char *path, struct fuse_file_info *fi) {
    (void) path;
    if (fi->fh == F_C2H) {
        pthread_mutex_lock(&lock);
        c2h_open = 0;
        pthread_cond_broadcast(&c2h_released);
        pthread_mutex_unlock(&lock);
    }
    return 0;
}

static int x_truncate(const char *path, off_t size, struct fuse_file_info *fi) {
    (void) size; (void) fi;
    return which(path) == F_NONE ? -ENOENT : 0;
}

static int x_read(const char *path, char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    (void) path;
    switch ((int) fi->fh) {
    case F_USER: {
        if (off % 4 != 0) return -EPROTO;
        if (size < 4) return -EINVAL;
        uint32_t v = 0;
        int rc = reg_read((uint32_t) off, &v);
        if (rc < 0) return rc;
        memcpy(buf, &v, 4);   /* one ioread32 whatever the count */
        return 4;
    }
    case F_C2H: return (int) c2h_read(buf, size);
    default: return -EINVAL;
    }
}

static int x_write(const char *path, const char *buf, size_t size, off_t off, struct fuse_file_info *fi) {
    (void) path;
    switch ((int) fi->fh) {
    case F_USER: {
        if (off % 4 != 0) return -EPROTO;
        if (size < 4) return -EINVAL;
        uint32_t v;
        memcpy(&v, buf, 4);
        int rc = reg_write((uint32_t) off, v);
        return rc < 0 ? rc : 4;
    }
    case F_H2C: return (int) h2c_write(buf, size);
    default: return -EINVAL;
    }
}

static const struct fuse_operations ops = {
    .getattr = x_getattr,
    .readdir = x_readdir,
    .open = x_open,
    .release = x_release,
    .truncate = x_truncate,
    .read = x_read,
    .write = x_write,
};

/* Mounts and serves until xdmafs_stop (or an unmount); returns 0, or a negative step code on failure. */
int xdmafs_run(const char *mountpoint, const char *prefix, reg_read_fn rr, reg_write_fn rw, h2c_write_fn hw, c2h_read_fn cr) {
    snprintf(names[0], sizeof names[0], "%s_user", prefix);
    snprintf(names[1], sizeof names[1], "%s_h2c_0", prefix);
    snprintf(names[2], sizeof names[2], "%s_c2h_0", prefix);
    reg_read = rr; reg_write = rw; h2c_write = hw; c2h_read = cr;
    char *argv[] = {"spindle-xdma", "-o", "fsname=spindle-xdma", NULL};
    struct fuse_args args = FUSE_ARGS_INIT(3, argv);
    pthread_mutex_lock(&lock);
    /* A new mount has no opener. The flag is this library's, shared by every mount of the process: a mount that
     * ended with the C2H file still open (a vanished device, a stop before FUSE's asynchronous RELEASE) never ran
     * x_release, and every later emulator of the process would refuse its first C2H open with EBUSY. */
    c2h_open = 0;
    fs = fuse_new(&args, &ops, sizeof ops, NULL);
    pthread_mutex_unlock(&lock);
    if (fs == NULL) return -1;
    if (fuse_mount(fs, mountpoint) != 0) {
        fuse_destroy(fs);
        fs = NULL;
        return -2;
    }
    int rc = fuse_loop_mt(fs, 0);
    pthread_mutex_lock(&lock);
    fuse_unmount(fs);
    fuse_destroy(fs);
    fs = NULL;
    pthread_mutex_unlock(&lock);
    return rc < 0 ? -3 : 0;
}

/* Ends the loop of xdmafs_run: marks the session for exit and unmounts, which wakes the loop's threads. */
void xdmafs_stop(void) {
    pthread_mutex_lock(&lock);
    if (fs != NULL) {
        fuse_exit(fs);
        fuse_unmount(fs);
    }
    pthread_mutex_unlock(&lock);
}
