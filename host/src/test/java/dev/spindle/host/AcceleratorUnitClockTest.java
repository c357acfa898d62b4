package dev.spindle.host;

import dev.spindle.nn.top.AcceleratorTop;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every accelerator behaviour again, with the unit on its own clock behind the clock-crossing FIFOs
 * ({@code unitClockNs}): the softmax on a slower clock (6 ns against axi_aclk's 4 ns), the dot product (and its
 * weight memory) on a faster one (2 ns). Same bit-exact checks, same SimLink/XdmaLink transcript comparison, same
 * protocol checkers and random gaps and back-pressure on both streams.
 */
class AcceleratorUnitClockTest extends AcceleratorBehaviourTest {
    @Override AcceleratorTop.Config softmax() { return Devices.SOFTMAX.withUnitClockNs(6); }

    @Override AcceleratorTop.Config dot() { return Devices.DOT.withUnitClockNs(2); }

    @Test void theTopHasTheUnitClockPortAndItsDomainInTheManifest() {
        try (SimLink link = SimLink.open(Devices.withHash(softmax()), SimLink.Options.fast())) {
            var m = link.manifest();
            assertTrue(m.ports().stream().anyMatch(p -> p.name().equals(AcceleratorTop.UNIT_CLOCK) && p.direction().equals("in") && p.width() == 1),
                    "unit_aclk is a 1-bit input: " + m.ports());
            var unit = m.clockDomains().stream().filter(d -> d.clock().equals(AcceleratorTop.UNIT_CLOCK)).findFirst().orElseThrow();
            assertEquals(6.0, unit.periodNs(), "the unit clock's period is in the manifest");
            assertEquals(null, unit.reset(), "the unit's reset is made inside the top (axi_aresetn synchronized)");
        }
    }
}
