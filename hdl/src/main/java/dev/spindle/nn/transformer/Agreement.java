package dev.spindle.nn.transformer;

/**
 * Agreement of a batch of outputs with a reference: top class equal (for a single sigmoid output, the same side of
 * 0.5), mean and max |Δp| over every element. Outputs of one value against reference rows of several are class
 * indices (an argmax head): only the top class is compared, and |Δp| is NaN.
 */
public record Agreement(int samples, double topClassPercent, double meanAbsDiff, double maxAbsDiff) {
    /** {@code outputs[s]}, {@code reference[s]}: one row per sample, the same width. */
    public static Agreement of(double[][] outputs, double[][] reference) {
        if (outputs.length != reference.length) {
            throw new IllegalArgumentException(outputs.length + " outputs against " + reference.length + " reference rows");
        }
        int same = 0;
        double sum = 0;
        double max = 0;
        long count = 0;
        for (int s = 0; s < outputs.length; s++) {
            double[] o = outputs[s];
            double[] r = reference[s];
            if (o.length == 1 && r.length > 1) {
                if (o[0] == top(r)) same++;
                sum = max = Double.NaN;
                continue;
            }
            if (o.length != r.length) throw new IllegalArgumentException("row " + s + ": " + o.length + " outputs against " + r.length);
            if (top(o) == top(r)) same++;
            for (int i = 0; i < o.length; i++) {
                double d = Math.abs(o[i] - r[i]);
                sum += d;
                max = Math.max(max, d);
                count++;
            }
        }
        return new Agreement(outputs.length, 100.0 * same / Math.max(1, outputs.length), sum / Math.max(1, count), max);
    }

    /** The predicted class: the index of the largest value, or for one value whether it is at least 0.5. */
    public static int top(double[] p) {
        if (p.length == 1) return p[0] >= 0.5 ? 1 : 0;
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    @Override public String toString() {
        if (Double.isNaN(meanAbsDiff)) {
            return String.format(java.util.Locale.ROOT, "top_class=%.1f%% (class indices: no |dp|) (%d samples)", topClassPercent, samples);
        }
        return String.format(java.util.Locale.ROOT, "top_class=%.1f%% mean_abs_dp=%.5f max_abs_dp=%.5f (%d samples)",
                topClassPercent, meanAbsDiff, maxAbsDiff, samples);
    }
}
