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
        assertEquals(3 * 5 + 5, layers.size(), "3 blocks of attention, 2 residuals, 2 FFN layers; 4 dense (the first taking the "
                + "tokens as they come: no flatten) and the softmax");
        assertTrue(layers.stream().noneMatch(l -> l.name().equals("flatten")), "head.dense0 at parallelism 192 = 32 x 6 streams the tokens");
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

    /** At head.dense0's former parallelism 480 (15 inputs a neuron, not whole tokens) the flatten is built and the dense waits for it. */
    @Test void aDenseThatCannotStreamWaitsForTheFlatten() {
        TransformerTiming streamed = TransformerTiming.of(TransformerJson.read(BTAG));
        TransformerTiming flat = TransformerTiming.of(TransformerJson.read(BTAG, Map.of("layers.4.parallelism", "480")));
        assertEquals(1, flat.layers().stream().filter(l -> l.name().equals("flatten")).count());
        TransformerTiming.Layer dense0 = streamed.layers().stream().filter(l -> l.name().equals("head.dense0")).findFirst().orElseThrow();
        TransformerTiming.Layer lastBlock = streamed.layers().get(3 * 5 - 1);
        TransformerConfig c = TransformerJson.read(BTAG);
        var block2 = (dev.spindle.nn.transformer.BlockSpec) c.layers().get(2);
        LinearConfig lc = NetworkStages.streamedLinearConfig((dev.spindle.nn.transformer.DenseSpec) c.layers().get(4), 15, 6, block2.residual());
        assertEquals(lastBlock.lastOut() + lc.latency(), dense0.firstOut(), "the last token's beat, then latency()");
        assertTrue(flat.latency() > streamed.latency() && flat.dsps() > streamed.dsps(), flat.latency() + " vs " + streamed.latency());
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
