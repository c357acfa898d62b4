package dev.spindle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spindle deploy}'s options and errors (the dry run itself is tested in flow's dev.spindle.deploy). */
class DeployCommandTest {
    @TempDir Path dir;

    @Test
    void anUnknownBoardIsRefusedListingTheBoards() {
        var r = SpindleCliTest.run("deploy", "softmax", "--board", "zcu102", "--dry-run", "-o", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--board zcu102 is not supported: allowed vcu118, kcu105, u250, u50"), r.err());
    }

    @Test
    void rescanNeedsAPciAddressAndAWellFormedOne() {
        var r = SpindleCliTest.run("deploy", "softmax", "--board", "u50", "--rescan", "-o", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--rescan needs --pci BDF"), r.err());
        r = SpindleCliTest.run("deploy", "softmax", "--board", "u50", "--rescan", "--pci", "65:00", "-o", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--pci 65:00 is not a PCI address like 0000:65:00.0"), r.err());
    }

    @Test
    void aDesignWithoutTheXdmaUserSidePortsIsRefusedNamingWhatIsMissing() {
        var r = SpindleCliTest.run("deploy", "counter", "--board", "kcu105", "--dry-run", "-o", dir.resolve("out").toString());
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("top Counter is not an accelerator top: it has no s_axis_h2c_tdata port"), r.err());
        assertTrue(!Files.exists(dir.resolve("out")), "nothing is written for a design that cannot be deployed");
    }
}
