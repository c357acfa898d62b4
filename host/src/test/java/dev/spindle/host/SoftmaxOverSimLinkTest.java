package dev.spindle.host;

import dev.spindle.nn.softmax.SoftmaxConfig;
import dev.spindle.nn.top.AcceleratorRegisters;
import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.SoftmaxUnit;
import dev.spindle.nn.softmax.SoftmaxModel;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxOverSimLinkTest {
    @Test void softmaxRoundTrip() {
        SoftmaxConfig sc = dev.spindle.design.BuiltinDesigns.SOFTMAX.config(java.util.Map.of("length", "16"));
        var cfg = new AcceleratorTop.Config(new SoftmaxUnit(sc), 64, AcceleratorRegisters.Id.ZERO_HASH);
        try (SimLink link = SimLink.open(cfg, SimLink.Options.random(3))) {
            try (Accelerator acc = Accelerator.open(link, link.config())) {
                Random rnd = new Random(1);
                long[][] rows = new long[5][16];
                for (long[] r : rows) for (int i = 0; i < 16; i++) r[i] = rnd.nextInt(1 << 14) - (1 << 13);
                var res = acc.infer(rows);
                SoftmaxModel m = new SoftmaxModel(sc);
                for (int r = 0; r < rows.length; r++) assertArrayEquals(m.apply(rows[r]), res.outputs()[r], "row " + r);
                assertEquals(5, res.counters().inferences());
                System.out.println(res.counters() + " checked=" + java.util.Arrays.toString(link.checkedTransfers()));
            }
        }
    }
}
