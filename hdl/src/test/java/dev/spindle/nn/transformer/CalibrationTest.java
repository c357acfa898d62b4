package dev.spindle.nn.transformer;

import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.DType;
import dev.spindle.modelfile.NdArray;
import dev.spindle.modelfile.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Calibration on a seeded network: widths kept, integer bits from the ranges seen, the result within the network bound. */
class CalibrationTest {
    @TempDir Path dir;

    @Test void formatsFollowTheRangesAndTheResultStaysWithinTheNetworkBound() {
        TransformerConfig c = TransformerJson.parse(TransformerFilesTest.SMALL);
        Path wf = dir.resolve("w.npz");
        Npz.write(wf, SeededWeights.of(c, 4, 1.0));
        NdArray x = SeededWeights.inputs(c, 100, 8);
        Path xf = dir.resolve("x.npz");
        Npz.write(xf, Map.of("x", x));
        TransformerConfig cal = Calibration.calibrate(c, ArrayFile.read(wf), ArrayFile.read(xf), 100);
        assertEquals(c.input().width(), cal.input().width(), "input width kept");
        double max = 0;
        for (double v : x.doubles()) max = Math.max(max, Math.abs(v));
        int intBits = cal.input().intBits();
        assertTrue(Math.scalb(1.0, intBits - 1) >= 1.25 * max && Math.scalb(1.0, intBits - 2) < 1.25 * max,
                cal.input() + " for max |x| = " + max);
        BlockSpec b0 = (BlockSpec) cal.layers().getFirst();
        assertEquals(((BlockSpec) c.layers().getFirst()).attention().scores().width(), b0.attention().scores().width());

        // eight times larger inputs: three more integer bits for the input
        double[] big = x.doubles();
        for (int i = 0; i < big.length; i++) big[i] *= 8;
        Path bf = dir.resolve("big.npz");
        Npz.write(bf, Map.of("x", NdArray.ofDoubles(DType.F64, x.shape(), big)));
        TransformerConfig calBig = Calibration.calibrate(c, ArrayFile.read(wf), ArrayFile.read(bf), 100);
        assertEquals(cal.input().intBits() + 3, calBig.input().intBits());

        TransformerWeights w = TransformerWeights.load(cal, ArrayFile.read(wf));
        var model = new TransformerModel(cal, w);
        var ref = new TransformerReference(cal, w);
        double[][] out = new double[100][];
        double[][] exp = new double[100][];
        for (int s = 0; s < 100; s++) {
            out[s] = model.applyReal(x.slice(s).doubles());
            exp[s] = ref.apply(x.slice(s).doubles());
        }
        Agreement a = Agreement.of(out, exp);
        assertTrue(a.meanAbsDiff() <= 0.005 && a.maxAbsDiff() <= 0.05 && a.topClassPercent() >= 95, a.toString());
    }
}
