package dev.spindle.nn;

import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TransformerTiming} on the b-tag description (the formula itself is asserted against simulation by
 * {@code TransformerSimTest}): the per-unit trace adds up, the DSP rule, and btag.json's parallelism under 400 cycles.
 */
class TransformerTimingTest {
    static final Path BTAG = Path.of("..", "examples", "models", "btag.json");

    @Test void dspSlicesByOperandWidths() {
        assertEquals(1, TransformerTiming.dsps(17, 13));
        assertEquals(1, TransformerTiming.dsps(18, 18));
        assertEquals(1, TransformerTiming.dsps(18, 27));
        assertEquals(2, TransformerTiming.dsps(39, 18));
        assertEquals(4, TransformerTiming.dsps(28, 19));
    }

    @Test void btagTraceAddsUp() {
        TransformerTiming t = TransformerTiming.of(TransformerJson.read(BTAG));
        System.out.print(t);
        List<TransformerTiming.Layer> layers = t.layers();
        assertEquals(3 * 5 + 1 + 5, layers.size(), "3 blocks of attention, 2 residuals, 2 FFN layers; flatten; 4 dense and the softmax");
        long previous = 0;
        for (TransformerTiming.Layer l : layers) {
            assertTrue(l.firstOut() <= l.lastOut() && l.lastOut() >= previous, l.toString());
            previous = l.lastOut();
        }
        assertEquals(layers.getLast().lastOut(), t.latency());
        assertEquals(layers.stream().mapToInt(TransformerTiming.Layer::dsps).sum(), t.dsps());
        // each attention: its first output latency() after its last input token (taken every inputInterval from 0 for block0)
        TransformerConfig c = TransformerJson.read(BTAG);
        MultiHeadAttentionConfig mc = new TransformerBlockConfig((dev.spindle.nn.transformer.BlockSpec) c.layers().getFirst(),
                c.sequence(), c.features(), c.input()).attention();
        assertEquals(14L * mc.inputInterval() + mc.latency(), layers.getFirst().firstOut());
        assertEquals(layers.getFirst().firstOut() + 14L * mc.outputInterval(), layers.getFirst().lastOut());
        assertTrue(t.latency() < 400, "b-tag at btag.json's parallelism: " + t.latency() + " cycles");
    }

    @Test void morePartsFewerCycles() {
        long previous = Long.MAX_VALUE;
        int dsps = 0;
        for (String p : new String[] {"64", "128", "192", "384"}) {
            TransformerTiming t = TransformerTiming.of(TransformerJson.read(BTAG, Map.of("defaults.parallelism", p)));
            System.out.printf("btag parallelism %s: latency %d cycles, %d multipliers, %d DSP48E2%n", p, t.latency(), t.multipliers(), t.dsps());
            assertTrue(t.latency() < previous && t.dsps() > dsps, "parallelism " + p);
            previous = t.latency();
            dsps = t.dsps();
        }
    }
}
