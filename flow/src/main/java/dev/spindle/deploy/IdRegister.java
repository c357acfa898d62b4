package dev.spindle.deploy;

import dev.spindle.hdl.verilog.Manifest;

/**
 * Where the rescan script reads the accelerator's ID register on {@code /dev/xdma<N>_user}, and the value it
 * expects. PLACEHOLDER until the accelerator top's register map (issue 12) is on the hub: offset 0 and the first
 * 32 bits of the manifest's Verilog hash. Replace both with the register map's definitions when it lands.
 */
public final class IdRegister {
    /** Byte offset of the ID word in the AXI4-Lite space (placeholder). */
    public static final int OFFSET = 0x0;

    private IdRegister() {}

    /** The 32-bit value the ID register must read for this manifest (placeholder: leading hash bits), or null. */
    public static String expected(Manifest manifest) {
        String hash = manifest.verilogSha256();
        return hash == null || hash.length() < 8 ? null : "0x" + hash.substring(0, 8);
    }
}
