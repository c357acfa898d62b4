package dev.spindle.host;

/** Turns an errno from the XDMA driver into a message that names the device file and says what to check. */
public final class XdmaErrors {
    public static final int EIO = 5, ENXIO = 6, EFAULT = 14, EACCES = 13, ENOENT = 2, EBUSY = 16, ENODEV = 19, EINVAL = 22,
            EPROTO = 71, ETIMEDOUT = 110, ERESTARTSYS = 512;

    private XdmaErrors() {}

    public static String message(String file, String operation, int errno) {
        String what = switch (errno) {
            case ENOENT -> "no such device (errno 2, ENOENT): is the XDMA driver loaded (lsmod | grep xdma) and the board "
                    + "enumerated (lspci -d 10ee:)? For the emulated device, is `spindle emulate` serving this directory?";
            case EACCES -> "permission denied (errno 13, EACCES): run as root or give your user access to the XDMA nodes (a udev rule)";
            case EBUSY -> "device busy (errno 16, EBUSY): another process holds this channel open (a streaming C2H channel is exclusive)";
            case ETIMEDOUT -> "timed out (errno 110, ETIMEDOUT): the transfer did not complete within the driver's timeout "
                    + "(module parameters h2c_timeout/c2h_timeout, default 10 s); the accelerator stopped answering or waits for more input";
            case ERESTARTSYS -> "timed out or interrupted (errno 512, ERESTARTSYS, which older drivers return on a C2H timeout and "
                    + "libc prints as 'Unknown error 512'): handled as a timeout; the DMA engine may need a reset";
            case EPROTO -> "protocol error (errno 71, EPROTO): a user-BAR access at an offset that is not a multiple of 4";
            case EINVAL -> "invalid argument (errno 22, EINVAL): the buffer or length breaks the engine's rules "
                    + "(page-aligned buffer, length in whole data-path words)";
            case EIO -> "I/O error (errno 5, EIO): the device reported an error (an AXI error response or a failed DMA)";
            case ENODEV, ENXIO -> "the device is gone (errno " + errno + ", " + (errno == ENODEV ? "ENODEV" : "ENXIO")
                    + "): the board was removed, reset or reprogrammed; check dmesg and rescan PCIe";
            case EFAULT -> "bad address (errno 14, EFAULT): the buffer is not mapped for DMA";
            default -> "errno " + errno;
        };
        return file + ": " + operation + " failed: " + what;
    }

    /** Whether an errno means the transfer timed out (ETIMEDOUT, or ERESTARTSYS from drivers before 2026-06). */
    public static boolean isTimeout(int errno) { return errno == ETIMEDOUT || errno == ERESTARTSYS; }
}
