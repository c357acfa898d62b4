package dev.spindle.nn.transformer;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.ModelFileException;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Folded attention (docs/transformer.md, "Folded attention"): the folded network's float reference equals the
 * unfolded one's within the fold's weight rounding, its weight stream holds the folded arrays in place of the four
 * projections, and a folded array outside its format is an error naming the file and the array.
 */
class AttentionFoldTest {
    @TempDir Path dir;

    /** The small post-norm network of {@code TransformerFilesTest} with both blocks' attention folded. */
    static final String FOLDED = TransformerFilesTest.SMALL.replace("\"attention\": {", "\"attention\": {\"fold\": {}, ");

    private TransformerWeights load(TransformerConfig c, Path f) { return TransformerWeights.load(c, ArrayFile.read(f)); }

    /**
     * The fold is exact in real arithmetic: on the same weight file, the folded network's float reference gives the
     * unfolded one's probabilities to within 1e-3 (the folded weights rounded to s4.14) on 200 samples at full scale.
     */
    @Test void foldedFloatReferenceEqualsTheUnfolded() {
        TransformerConfig plain = TransformerJson.parse(TransformerFilesTest.SMALL);
        TransformerConfig folded = TransformerJson.parse(FOLDED);
        Path f = dir.resolve("w.npz");
        Npz.write(f, SeededWeights.of(plain, 3, 1.0));
        var a = new TransformerReference(plain, load(plain, f));
        var b = new TransformerReference(folded, load(folded, f));
        NdArray x = SeededWeights.inputs(plain, 200, 4);
        double worst = 0;
        for (int s = 0; s < 200; s++) {
            double[] pa = a.apply(x.slice(s).doubles()), pb = b.apply(x.slice(s).doubles());
            for (int i = 0; i < pa.length; i++) worst = Math.max(worst, Math.abs(pa[i] - pb[i]));
        }
        assertTrue(worst <= 1e-3, "max |Δp| between the folded and unfolded float references: " + worst);
        assertTrue(worst > 0, "the folded weights are rounded, so the two differ somewhere");
    }

    @Test void theStreamHoldsTheFoldedArraysInPlaceOfTheProjections() {
        TransformerConfig plain = TransformerJson.parse(TransformerFilesTest.SMALL);
        TransformerConfig folded = TransformerJson.parse(FOLDED);
        Path f = dir.resolve("w.npz");
        Npz.write(f, SeededWeights.of(plain, 5, 1.0));
        TransformerWeights w = load(folded, f);
        List<String> attention = new ArrayList<>();
        for (String name : w.arrays().keySet()) if (name.contains(".mha.")) attention.add(name);
        assertEquals(List.of("block0.mha.folded_query.kernel", "block0.mha.folded_query.bias", "block0.mha.folded_output.kernel",
                "block0.mha.folded_output.bias", "block1.mha.folded_query.kernel", "block1.mha.folded_query.bias",
                "block1.mha.folded_output.kernel", "block1.mha.folded_output.bias"), attention);
        // block0: 3 features, 2 heads: M (3, 2, 3), u (2, 3), N (2, 3, 3), c (3)
        assertArrayEquals(new int[] {3, 2, 3}, w.get("block0.mha.folded_query.kernel").shape());
        assertArrayEquals(new int[] {2, 3, 3}, w.get("block0.mha.folded_output.kernel").shape());
        assertEquals("s4.14", w.get("block0.mha.folded_query.kernel").format().toString());
        // the projections the fold was made from stay readable (calibration measures them), outside the stream
        assertEquals(load(plain, f).get("block0.mha.key.kernel").raw().length, w.get("block0.mha.key.kernel").raw().length);
        int words = 0;
        for (QuantizedArray a : w.arrays().values()) words += a.raw().length;
        assertEquals(words, w.streamWords().length);
        assertEquals(w.arrays().keySet(), w.withStream(w.streamWords()).arrays().keySet());
    }

    @Test void aFoldedArrayOutsideItsFormatNamesTheArray() {
        TransformerConfig plain = TransformerJson.parse(TransformerFilesTest.SMALL);
        TransformerConfig narrow = TransformerJson.parse(FOLDED.replaceFirst("\"fold\": \\{}", "\"fold\": {\"weight\": \"s0.6\"}"));
        Path f = dir.resolve("w.npz");
        Npz.write(f, SeededWeights.of(plain, 5, 1.5));
        var e = assertThrows(ModelFileException.class, () -> load(narrow, f));
        assertTrue(e.getMessage().startsWith(f + ": array 'block0.mha.folded_"), e.getMessage());
        assertTrue(e.getMessage().contains("does not fit s0.6 (range -0.5..0.484375)"), e.getMessage());
        TransformerConfig saturating = TransformerJson.parse(FOLDED.replaceFirst("\"fold\": \\{}", "\"fold\": {\"weight\": \"s0.6\", \"saturate\": true}"));
        assertDoesNotThrow(() -> load(saturating, f));
    }

    @Test void foldRoundTripsThroughTheDescription() {
        TransformerConfig c = TransformerJson.parse(FOLDED.replaceFirst("\"fold\": \\{}", "\"fold\": {\"weight\": \"s2.13\", \"bias\": \"s5.12\"}"));
        assertEquals(c, TransformerJson.parse(TransformerJson.write(c)));
        AttentionSpec a = ((BlockSpec) c.layers().getFirst()).attention();
        assertTrue(a.folded());
        assertEquals("s2.13", a.fold().weight().toString());
        assertEquals("s5.12", a.fold().bias().toString());
        assertFalse(((BlockSpec) TransformerJson.parse(TransformerFilesTest.SMALL).layers().getFirst()).attention().folded());
    }
}
