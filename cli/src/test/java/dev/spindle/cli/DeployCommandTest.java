package dev.spindle.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void softmaxDryRunOnKcu105PassesAndTheRescanChecksTheIdRegistersOfItsManifest() throws Exception {
        Path out = dir.resolve("out");
        var r = SpindleCliTest.run("deploy", "softmax", "--board", "kcu105", "--dry-run", "-o", out.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("deploy: dry run passed; build with: " + out.toAbsolutePath().resolve("build.sh"), r.lastLine());
        var manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("AcceleratorTop", manifest.get("top").asText());
        assertEquals(256, manifest.get("config").get("dataWidth").asInt(), "the board's XDMA width");
        String hash = manifest.get("config").get("idHash").asText();
        String env = Files.readString(out.resolve("deploy.env"));
        assertTrue(env.contains("ID_CHECKS='0x00=0x53504e44 0x08=0x00000100 0x10=0x" + hash.substring(0, 8) + " 0x14=0x" + hash.substring(8, 16)), env);
        assertTrue(env.contains(" 0x2c=0x" + hash.substring(56) + "'\n"), env);
        assertTrue(Files.readString(out.resolve("rtl/spindle_xdma_top.v")).contains("  AcceleratorTop accelerator ("));
    }
}
