package dev.spindle.sim;

import dev.spindle.hdl.Bundle;
import dev.spindle.hdl.ClockDomain;
import dev.spindle.hdl.Component;
import dev.spindle.hdl.UInt;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two clock domains with their own periods advance independently in one simulation. */
@SpindleSim
class ClockDomainsSimTest {
    static final class TwoClocks extends Component {
        static final class Io extends Bundle {
            final UInt slowCount = out(UInt.type(16));
            final UInt fastCount = out(UInt.type(16));
        }

        final Io io = new Io();
        final UInt slow = RegInit(UInt.lit(0, 16));
        UInt fast;

        TwoClocks() {
            slow.assign(slow.add(1));
            io.slowCount.assign(slow);
            ClockDomain.external("fast", ClockDomain.Config.defaults().withPeriodNs(4)).on(() -> {
                fast = RegInit(UInt.lit(0, 16));
                fast.assign(fast.add(1));
            });
            io.fastCount.assign(fast);
        }
    }

    @Dut static TwoClocks dut() { return new TwoClocks(); }

    @Test
    void eachDomainTicksAtItsOwnPeriod(Sim<TwoClocks> sim) {
        var slow = sim.port(sim.dut().io.slowCount);
        var fast = sim.port(sim.dut().io.fastCount);
        long slow0 = slow.get();
        long fast0 = fast.get();
        sim.runFor(1000);
        assertEquals(100, slow.get() - slow0, "clk (10 ns) rising edges in 1000 ns");
        assertEquals(250, fast.get() - fast0, "fast_clk (4 ns) rising edges in 1000 ns");
        sim.cycle();
        assertEquals(101, slow.get() - slow0, "cycle() is one period of clk");
    }
}
