package dev.spindle.deploy;

import dev.spindle.hdl.verilog.Manifest;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rescan script reads on {@code /dev/xdma<N>_user} to tell that the loaded bitstream is this build, as
 * {@code OFFSET=VALUE} pairs of 32-bit words, from the accelerator top's register map ({@link AcceleratorRegisters}):
 * MAGIC at 0x00, DATA_WIDTH at 0x08 and the eight words of the manifest's ID hash from 0x10 (first byte most
 * significant). A top that is not Spindle's accelerator top has no ID registers: no checks.
 */
public final class IdRegister {
    private IdRegister() {}

    public static List<String> checks(Manifest manifest) {
        List<String> out = new ArrayList<>();
        if (!(manifest.config() instanceof AcceleratorTop.Config c)) return out;
        var layout = AcceleratorRegisters.LAYOUT;
        out.add(String.format("0x%02x=0x%08x", layout.offset("MAGIC"), AcceleratorRegisters.MAGIC));
        out.add(String.format("0x%02x=0x%08x", layout.offset("DATA_WIDTH"), c.dataWidth()));
        String hash = c.idHash();
        for (int k = 0; k < AcceleratorRegisters.HASH_WORDS; k++) {
            out.add(String.format("0x%02x=0x%s", layout.offset("ID_HASH_" + k), hash.substring(8 * k, 8 * k + 8)));
        }
        return out;
    }
}
