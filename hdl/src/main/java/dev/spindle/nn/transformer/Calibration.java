package dev.spindle.nn.transformer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.modelfile.ModelFileException;
import dev.spindle.modelfile.NdArray;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code spindle calibrate}: chooses every activation and weight format of a description from the value ranges
 * seen on sample inputs (docs/transformer.md, "Calibration"). The rule: each tensor keeps the width its description
 * gives it; its integer bits become the fewest that hold {@code headroom × max|v|} (headroom 1.25 for activations,
 * measured by the float reference on the samples; 1 for weights, whose values are known), the rest are fraction
 * bits. A bias keeps at most input + weight fraction bits, softmax scores at most 16; probability formats are kept.
 */
public final class Calibration {
    public static final double ACTIVATION_HEADROOM = 1.25;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Calibration() {}

    /** The calibrated description of {@code arch}, from {@code weights} and the array {@code x} of {@code samples}. */
    public static TransformerConfig calibrate(TransformerConfig arch, ArrayFile weights, ArrayFile samples, int maxSamples) {
        ObjectNode root = (ObjectNode) tree(arch);
        // Weights read with wide formats (saturating) so that their true ranges can be measured.
        ObjectNode wide = root.deepCopy();
        forEachWeightFormat(wide, (node, key) -> node.put(key, "s8.18").put("saturate", true));
        TransformerConfig wideConfig = TransformerJson.parse(wide.toString());
        TransformerWeights w = TransformerWeights.load(wideConfig, weights);

        Map<String, Double> max = new HashMap<>();
        var ref = new TransformerReference(wideConfig, w, (path, values) -> {
            double m = max.getOrDefault(path, 0.0);
            for (double v : values) m = Math.max(m, Math.abs(v));
            max.put(path, m);
        });
        NdArray x = samples.array("x");
        int expected = arch.sequence() * arch.features();
        if (x.rank() < 2 || x.size() / x.dim(0) != expected) {
            throw ModelFileException.array(samples.path(), "x", "shape " + java.util.Arrays.toString(x.shape())
                    + " does not hold samples of " + arch.sequence() + " x " + arch.features());
        }
        int n = Math.min(maxSamples, x.dim(0));
        for (int s = 0; s < n; s++) ref.apply(x.slice(s).doubles());

        Map<String, Double> weightMax = new TreeMap<>();
        weightRanges(root, w, weightMax);
        set(root, max, ACTIVATION_HEADROOM);
        set(root, weightMax, 1.0);
        fixBiases(root);
        return TransformerJson.parse(root.toString());
    }

    private static JsonNode tree(TransformerConfig c) {
        try {
            return JSON.readTree(TransformerJson.write(c));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets each path's format to the fewest integer bits for {@code headroom × max}, keeping its width. */
    private static void set(ObjectNode root, Map<String, Double> max, double headroom) {
        for (var e : max.entrySet()) {
            if (e.getValue() == 0) continue;              // nothing seen (an all-zero bias): keep the format
            String[] parts = e.getKey().split("\\.");
            ObjectNode node = root;
            for (int i = 0; i < parts.length - 1; i++) node = child(node, parts[i]);
            String key = parts[parts.length - 1];
            if (node == null || !node.has(key)) continue;
            FixFormat old = FixFormat.parse(node.get(key).asText());
            int intBits = 1;
            while (Math.scalb(1.0, intBits - 1) < headroom * e.getValue()) intBits++;
            int frac = old.width() - intBits;
            if (e.getKey().endsWith("attention.scores")) frac = Math.min(frac, 16);
            node.put(key, new FixFormat(true, old.width() - frac, frac).toString());
        }
    }

    private static ObjectNode child(ObjectNode node, String part) {
        int br = part.indexOf('[');
        if (br < 0) return node.get(part) instanceof ObjectNode o ? o : null;
        JsonNode arr = node.get(part.substring(0, br));
        int i = Integer.parseInt(part.substring(br + 1, part.length() - 1));
        return arr != null && arr.get(i) instanceof ObjectNode o ? o : null;
    }

    private interface FormatVisitor {
        void visit(ObjectNode node, String key);
    }

    private static void forEachWeightFormat(ObjectNode root, FormatVisitor v) {
        for (JsonNode layer : root.get("layers")) {
            ObjectNode l = (ObjectNode) layer;
            for (ObjectNode n : weightNodes(l)) {
                for (String k : new String[] {"weight", "bias", "gamma", "beta"}) if (n.has(k)) v.visit(n, k);
            }
        }
    }

    private static java.util.List<ObjectNode> weightNodes(ObjectNode l) {
        java.util.List<ObjectNode> out = new java.util.ArrayList<>();
        switch (l.get("type").asText()) {
            case "dense", "layernorm" -> out.add(l);
            case "block" -> {
                for (String k : new String[] {"attention", "ffn", "attention_norm", "ffn_norm"}) {
                    if (l.get(k) instanceof ObjectNode o) out.add(o);
                }
                if (l.get("attention") instanceof ObjectNode a && a.get("fold") instanceof ObjectNode fold) out.add(fold);
            }
            default -> { }
        }
        return out;
    }

    /** The largest |value| of the arrays behind each weight format path. */
    private static void weightRanges(ObjectNode root, TransformerWeights w, Map<String, Double> out) {
        JsonNode layers = root.get("layers");
        for (int i = 0; i < layers.size(); i++) {
            ObjectNode l = (ObjectNode) layers.get(i);
            String at = "layers[" + i + "]";
            String name = l.path("name").asText();
            switch (l.get("type").asText()) {
                case "dense" -> {
                    out.put(at + ".weight", maxAbs(w, name + ".kernel"));
                    out.put(at + ".bias", maxAbs(w, name + ".bias"));
                }
                case "layernorm" -> {
                    out.put(at + ".gamma", maxAbs(w, name + ".gamma"));
                    out.put(at + ".beta", maxAbs(w, name + ".beta"));
                }
                case "block" -> {
                    String p = name + ".mha.";
                    double wm = 0, bm = 0;
                    for (String part : new String[] {"query", "key", "value", "attention_output"}) {
                        wm = Math.max(wm, maxAbs(w, p + part + ".kernel"));
                        bm = Math.max(bm, maxAbs(w, p + part + ".bias"));
                    }
                    out.put(at + ".attention.weight", wm);
                    out.put(at + ".attention.bias", bm);
                    if (l.path("attention").get("fold") instanceof ObjectNode) {
                        out.put(at + ".attention.fold.weight", Math.max(maxAbs(w, p + "folded_query.kernel"), maxAbs(w, p + "folded_output.kernel")));
                        out.put(at + ".attention.fold.bias", Math.max(maxAbs(w, p + "folded_query.bias"), maxAbs(w, p + "folded_output.bias")));
                    }
                    out.put(at + ".ffn.weight", Math.max(maxAbs(w, name + ".ffn.dense1.kernel"), maxAbs(w, name + ".ffn.dense2.kernel")));
                    out.put(at + ".ffn.bias", Math.max(maxAbs(w, name + ".ffn.dense1.bias"), maxAbs(w, name + ".ffn.dense2.bias")));
                    for (String norm : new String[] {"attention_norm", "ffn_norm"}) {
                        if (l.get(norm) instanceof ObjectNode o) {
                            String nn = name + "." + o.get("name").asText();
                            out.put(at + "." + norm + ".gamma", maxAbs(w, nn + ".gamma"));
                            out.put(at + "." + norm + ".beta", maxAbs(w, nn + ".beta"));
                        }
                    }
                }
                default -> { }
            }
        }
    }

    private static double maxAbs(TransformerWeights w, String name) {
        double m = 0;
        for (double v : w.get(name).values()) m = Math.max(m, Math.abs(v));
        return m;
    }

    /**
     * A bias may hold no more fraction bits than input + weight: where calibration gave it more, it keeps its width
     * with fewer fraction bits (more integer bits). The input of each layer is the previous tensor's format, so the
     * check is made on the final description by parsing it; here the simple and safe bound is used: a bias has at
     * most as many fraction bits as its weight plus the fewest fraction bits of any activation.
     */
    private static void fixBiases(ObjectNode root) {
        int minActFrac = Integer.MAX_VALUE;
        for (String f : activationFormats(root)) minActFrac = Math.min(minActFrac, FixFormat.parse(f).fracBits());
        int cap = minActFrac;
        forEachWeightFormat(root, (node, key) -> {
            if (!key.equals("bias") && !key.equals("beta")) return;
            String weightKey = key.equals("bias") ? "weight" : "gamma";
            FixFormat w = FixFormat.parse(node.get(weightKey).asText());
            FixFormat b = FixFormat.parse(node.get(key).asText());
            int maxFrac = w.fracBits() + (key.equals("beta") ? FixFormat.parse(node.path("normalized").asText("s4.12")).fracBits() : cap);
            if (b.fracBits() > maxFrac) node.put(key, new FixFormat(true, b.width() - maxFrac, maxFrac).toString());
        });
    }

    private static java.util.List<String> activationFormats(ObjectNode root) {
        java.util.List<String> out = new java.util.ArrayList<>();
        out.add(root.get("input").get("format").asText());
        root.get("layers").forEach(l -> collect(l, out));
        return out;
    }

    private static void collect(JsonNode n, java.util.List<String> out) {
        if (n instanceof ObjectNode o) {
            o.fields().forEachRemaining(e -> {
                String k = e.getKey();
                if (e.getValue().isTextual() && (k.equals("output") || k.equals("residual") || k.equals("hidden_format")
                        || k.equals("query") || k.equals("key") || k.equals("value") || k.equals("context"))) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), out);
                }
            });
        }
    }
}
