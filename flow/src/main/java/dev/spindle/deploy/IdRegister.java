package dev.spindle.deploy;

import dev.spindle.hdl.verilog.Manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rescan script reads on {@code /dev/xdma<N>_user} to tell that the loaded bitstream is this build:
 * {@code OFFSET=VALUE} pairs of 32-bit words. PLACEHOLDER until the accelerator top's register map (issue 12) is on
 * the hub: the first word of the manifest's Verilog hash at offset 0. Replace with the register map's ID registers
 * when it lands.
 */
public final class IdRegister {
    private IdRegister() {}

    /** The checks for this manifest; empty when it has no hash. */
    public static List<String> checks(Manifest manifest) {
        List<String> out = new ArrayList<>();
        String hash = manifest.verilogSha256();
        if (hash != null && hash.length() >= 8) out.add("0x0=0x" + hash.substring(0, 8));
        return out;
    }
}
