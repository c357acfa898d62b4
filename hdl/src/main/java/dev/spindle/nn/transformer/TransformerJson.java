package dev.spindle.nn.transformer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.hdl.FixFormat;
import dev.spindle.modelfile.ModelFileException;
import dev.spindle.nn.softmax.SoftmaxAlgorithm;
import dev.spindle.tools.AtomicFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON architecture description (docs/transformer.md): reads a {@link TransformerConfig} with defaults for
 * formats left out, and writes one with every field explicit. Errors are one line naming the file and the field.
 */
public final class TransformerJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TransformerJson() {}

    public static TransformerConfig read(Path file) { return read(file, java.util.Map.of()); }

    /**
     * {@link #read(Path)} with {@code overrides} applied first (the CLI's {@code --set key=value}): each key is a
     * dotted path into the description, array elements by index ({@code defaults.parallelism},
     * {@code layers.2.parallelism}, {@code layers.0.attention.parallelism}); the value is written as a number, a
     * boolean or a string as it reads. The description is then checked as usual, so an unknown field is refused.
     */
    public static TransformerConfig read(Path file, java.util.Map<String, String> overrides) {
        String text = ModelFileException.reading(file, Files::readString);
        try {
            JsonNode root = JSON.readTree(text);
            for (var e : overrides.entrySet()) override(root, e.getKey(), e.getValue());
            return parse(root);
        } catch (JsonProcessingException e) {
            throw ModelFileException.file(file, "not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        } catch (IllegalArgumentException e) {
            throw ModelFileException.file(file, e.getMessage());
        }
    }

    private static void override(JsonNode root, String key, String value) {
        String[] parts = key.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            JsonNode next = node.isArray() && p.matches("\\d+") ? node.get(Integer.parseInt(p)) : node.isObject() ? node.get(p) : null;
            if (next == null && node.isObject()) next = ((ObjectNode) node).putObject(p);
            if (next == null || !next.isContainerNode()) {
                throw new IllegalArgumentException("--set " + key + ": '" + String.join(".", java.util.Arrays.copyOf(parts, i + 1))
                        + "' is not an object or array element of the description");
            }
            node = next;
        }
        if (!node.isObject()) throw new IllegalArgumentException("--set " + key + ": the parent is not an object");
        ObjectNode o = (ObjectNode) node;
        String last = parts[parts.length - 1];
        if (value.matches("-?\\d+")) o.put(last, Long.parseLong(value));
        else if (value.matches("-?\\d*\\.\\d+([eE]-?\\d+)?|-?\\d+[eE]-?\\d+")) o.put(last, Double.parseDouble(value));
        else if (value.equals("true") || value.equals("false")) o.put(last, Boolean.parseBoolean(value));
        else o.put(last, value);
    }

    public static TransformerConfig parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage().replace('\n', ' '));
        }
    }

    static TransformerConfig parse(JsonNode root) {
        Obj top = new Obj(root, "", Set.of("name", "input", "defaults", "layers"));
        Obj input = top.obj("input", Set.of("sequence", "features", "format"));
        Defaults d = new Defaults(top.has("defaults")
                ? top.obj("defaults", Set.of("weight", "bias", "data", "probs", "normalized", "softmax", "parallelism",
                        "saturate", "quantizer", "epsilon"))
                : new Obj(JSON.createObjectNode(), "defaults", Set.of()));
        List<LayerSpec> layers = new ArrayList<>();
        JsonNode list = top.require("layers");
        if (!list.isArray()) throw new IllegalArgumentException("layers: must be an array");
        int sequence = input.integer("sequence");
        int features = input.integer("features");
        for (int i = 0; i < list.size(); i++) {
            LayerSpec l = layer(new Obj(list.get(i), "layers[" + i + "]", null), d, features);
            layers.add(l);
            if (l instanceof DenseSpec dense) features = dense.units();
            if (l instanceof FlattenSpec) features *= sequence;
        }
        return new TransformerConfig(top.text("name", "model"), sequence, input.integer("features"),
                input.format("format", null), layers);
    }

    private static LayerSpec layer(Obj o, Defaults d, int features) {
        String type = o.text("type", null);
        return switch (type) {
            case "dense" -> dense(o.allow(Set.of("type", "name", "units", "activation", "weight", "bias", "output", "probs",
                    "quantizer", "saturate", "parallelism", "gelu")), o.text("name", null), d);
            case "layernorm" -> norm(o.allow(Set.of("type", "name", "epsilon", "gamma", "beta", "normalized", "output",
                    "rsqrt_bits", "table_bits", "saturate")), o.text("name", null), d);
            case "flatten" -> new FlattenSpec(o.allow(Set.of("type", "name")).text("name", "flatten"));
            case "block" -> block(o.allow(Set.of("type", "name", "norm", "ffn_input", "residual", "attention", "ffn",
                    "attention_norm", "ffn_norm")), d, features);
            default -> throw new IllegalArgumentException(o.path("type") + " = '" + type
                    + "' is not a supported layer: allowed dense, layernorm, flatten, block");
        };
    }

    private static DenseSpec dense(Obj o, String name, Defaults d) {
        Activation act = o.enumValue("activation", Activation.class, Activation.NONE);
        return new DenseSpec(name, o.integer("units"), act, weights(o, d), o.format("output", d.data),
                act.probabilities() ? o.format("probs", d.probs) : null, o.integer("parallelism", d.parallelism), gelu(o, act));
    }

    /** {@code gelu}: table (the default) or igelu, for a GELU activation only. */
    private static GeluVariant gelu(Obj o, Activation act) {
        if (act != Activation.GELU) {
            if (o.has("gelu")) throw new IllegalArgumentException(o.path("gelu") + " is set but activation is " + lower(act) + ": it selects a GELU's variant");
            return null;
        }
        return o.enumValue("gelu", GeluVariant.class, GeluVariant.TABLE);
    }

    private static WeightFormat weights(Obj o, Defaults d) {
        Quantizer q = o.has("quantizer") ? quantizer(o.obj("quantizer", Set.of("bits", "integer", "symmetric")))
                : d.quantizer;
        return new WeightFormat(o.format("weight", d.weight), o.format("bias", d.bias), q, o.bool("saturate", d.saturate));
    }

    private static Quantizer quantizer(Obj q) {
        if (q == null) return null;
        return new Quantizer(q.integer("bits"), q.integer("integer"), q.bool("symmetric", true));
    }

    private static NormSpec norm(Obj o, String name, Defaults d) {
        WeightFormat w = new WeightFormat(o.format("gamma", d.weight), o.format("beta", d.bias), null, o.bool("saturate", d.saturate));
        return new NormSpec(name, o.real("epsilon", d.epsilon), w, o.format("normalized", d.normalized),
                o.format("output", d.data), o.integer("rsqrt_bits", 16), o.integer("table_bits", 6));
    }

    private static BlockSpec block(Obj o, Defaults d, int features) {
        String name = o.text("name", null);
        Obj a = o.obj("attention", Set.of("heads", "key_dim", "value_dim", "causal", "weight", "bias", "quantizer",
                "saturate", "query", "key", "value", "scores", "probs", "context", "output", "softmax", "parallelism", "fold"));
        WeightFormat fold = a.hasValue("fold") ? foldFormat(a.obj("fold", Set.of("weight", "bias", "saturate")), d) : null;
        AttentionSpec att = new AttentionSpec(a.integer("heads"), a.integer("key_dim"), a.integer("value_dim", a.integer("key_dim")),
                a.bool("causal", false), weights(a, d), a.format("query", d.data), a.format("key", d.data),
                a.format("value", d.data), a.format("scores", d.data), a.format("probs", d.probs),
                a.format("context", d.data), a.format("output", d.data),
                a.enumValue("softmax", SoftmaxAlgorithm.class, d.softmax), a.integer("parallelism", d.parallelism), fold);
        Obj f = o.obj("ffn", Set.of("hidden", "activation", "weight", "bias", "quantizer", "saturate", "hidden_format",
                "output", "parallelism", "gelu"));
        Activation ffnAct = f.enumValue("activation", Activation.class, Activation.RELU);
        DenseSpec ffn1 = new DenseSpec(name + ".ffn.dense1", f.integer("hidden"), ffnAct, weights(f, d),
                f.format("hidden_format", d.data), null, f.integer("parallelism", d.parallelism), gelu(f, ffnAct));
        FixFormat residual = o.format("residual", d.data);
        DenseSpec ffn2 = new DenseSpec(name + ".ffn.dense2", features, Activation.NONE, weights(f, d), f.format("output", d.data), null, f.integer("parallelism", d.parallelism), null);
        NormSpec n1 = o.hasValue("attention_norm") ? blockNorm(o.obj("attention_norm", null), name, d) : null;
        NormSpec n2 = o.hasValue("ffn_norm") ? blockNorm(o.obj("ffn_norm", null), name, d) : null;
        return new BlockSpec(name, o.enumValue("norm", BlockSpec.Placement.class, BlockSpec.Placement.NONE),
                o.enumValue("ffn_input", BlockSpec.FfnInput.class, BlockSpec.FfnInput.RESIDUAL), att, n1, ffn1, ffn2, n2, residual);
    }

    /** A folded attention's formats: {@code weight} and {@code bias} default to {@link #FOLD_FORMAT}. */
    private static WeightFormat foldFormat(Obj o, Defaults d) {
        return new WeightFormat(o.format("weight", FOLD_FORMAT), o.format("bias", FOLD_FORMAT), null, o.bool("saturate", d.saturate));
    }

    /** The folded weights' default format: 18 bits (one DSP48E2 operand), range ±8, LSB 2^-14. */
    static final FixFormat FOLD_FORMAT = FixFormat.parse("s4.14");

    private static NormSpec blockNorm(Obj o, String block, Defaults d) {
        o.allow(Set.of("name", "epsilon", "gamma", "beta", "normalized", "output", "rsqrt_bits", "table_bits", "saturate"));
        return norm(o, block + "." + o.text("name", null), d);
    }

    /** The description as JSON, every field explicit. */
    public static String write(TransformerConfig c) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", c.name());
        ObjectNode in = root.putObject("input");
        in.put("sequence", c.sequence()).put("features", c.features()).put("format", c.input().toString());
        var layers = root.putArray("layers");
        for (LayerSpec l : c.layers()) {
            ObjectNode n = layers.addObject();
            switch (l) {
                case DenseSpec dd -> { n.put("type", "dense"); putDense(n, dd, true); }
                case NormSpec nn -> { n.put("type", "layernorm"); putNorm(n, nn, nn.name()); }
                case FlattenSpec ff -> n.put("type", "flatten").put("name", ff.name());
                case BlockSpec b -> {
                    n.put("type", "block").put("name", b.name()).put("norm", lower(b.norm())).put("ffn_input", lower(b.ffnInput()))
                            .put("residual", b.residual().toString());
                    AttentionSpec a = b.attention();
                    ObjectNode an = n.putObject("attention");
                    an.put("heads", a.heads()).put("key_dim", a.keyDim()).put("value_dim", a.valueDim()).put("causal", a.causal());
                    putWeights(an, a.weights());
                    an.put("query", a.query().toString()).put("key", a.key().toString()).put("value", a.value().toString())
                            .put("scores", a.scores().toString()).put("probs", a.probs().toString())
                            .put("context", a.context().toString()).put("output", a.output().toString())
                            .put("softmax", a.softmax().name()).put("parallelism", a.parallelism());
                    if (a.folded()) putWeights(an.putObject("fold"), a.fold());
                    ObjectNode fn = n.putObject("ffn");
                    fn.put("hidden", b.ffn1().units()).put("activation", lower(b.ffn1().activation()));
                    if (b.ffn1().gelu() != null) fn.put("gelu", lower(b.ffn1().gelu()));
                    putWeights(fn, b.ffn1().weights());
                    fn.put("hidden_format", b.ffn1().output().toString()).put("output", b.ffn2().output().toString())
                            .put("parallelism", b.ffn1().parallelism());
                    if (b.attentionNorm() != null) putNorm(n.putObject("attention_norm"), b.attentionNorm(), shortName(b, b.attentionNorm()));
                    if (b.ffnNorm() != null) putNorm(n.putObject("ffn_norm"), b.ffnNorm(), shortName(b, b.ffnNorm()));
                }
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, TransformerConfig c) { AtomicFile.write(file, write(c)); }

    private static String shortName(BlockSpec b, NormSpec n) { return n.name().substring(b.name().length() + 1); }

    private static void putDense(ObjectNode n, DenseSpec d, boolean withName) {
        if (withName) n.put("name", d.name());
        n.put("units", d.units()).put("activation", lower(d.activation()));
        if (d.gelu() != null) n.put("gelu", lower(d.gelu()));
        putWeights(n, d.weights());
        n.put("output", d.output().toString());
        if (d.probs() != null) n.put("probs", d.probs().toString());
        n.put("parallelism", d.parallelism());
    }

    private static void putWeights(ObjectNode n, WeightFormat w) {
        n.put("weight", w.weight().toString()).put("bias", w.bias().toString());
        if (w.quantizer() != null) {
            n.putObject("quantizer").put("bits", w.quantizer().bits()).put("integer", w.quantizer().integer())
                    .put("symmetric", w.quantizer().symmetric());
        }
        if (w.saturate()) n.put("saturate", true);
    }

    private static void putNorm(ObjectNode n, NormSpec s, String name) {
        n.put("name", name).put("epsilon", s.epsilon()).put("gamma", s.weights().weight().toString())
                .put("beta", s.weights().bias().toString()).put("normalized", s.normalized().toString())
                .put("output", s.output().toString()).put("rsqrt_bits", s.rsqrtBits()).put("table_bits", s.tableBits());
        if (s.weights().saturate()) n.put("saturate", true);
    }

    private static String lower(Enum<?> e) { return e.name().toLowerCase(Locale.ROOT); }

    /** The defaults section: formats and settings for fields a layer leaves out. */
    private static final class Defaults {
        final FixFormat weight, bias, data, probs, normalized;
        final SoftmaxAlgorithm softmax;
        final int parallelism;
        final boolean saturate;
        final Quantizer quantizer;
        final double epsilon;

        Defaults(Obj o) {
            weight = o.format("weight", FixFormat.signed(3, 8));
            bias = o.format("bias", weight);
            data = o.format("data", FixFormat.signed(7, 10));
            probs = o.format("probs", FixFormat.unsigned(1, 8));
            normalized = o.format("normalized", FixFormat.signed(4, 12));
            softmax = o.enumValue("softmax", SoftmaxAlgorithm.class, SoftmaxAlgorithm.EXP_TABLE);
            parallelism = o.integer("parallelism", 1);
            saturate = o.bool("saturate", false);
            quantizer = o.hasValue("quantizer") ? quantizer(o.obj("quantizer", Set.of("bits", "integer", "symmetric"))) : null;
            epsilon = o.real("epsilon", 1e-6);
        }
    }

    /** A JSON object with field look-ups whose errors name the path of the field. */
    private static final class Obj {
        final JsonNode node;
        final String at;

        Obj(JsonNode node, String at, Set<String> allowed) {
            if (node == null || !node.isObject()) throw new IllegalArgumentException((at.isEmpty() ? "the description" : at) + ": must be a JSON object");
            this.node = node;
            this.at = at;
            if (allowed != null) allow(allowed);
        }

        Obj allow(Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new IllegalArgumentException(path(k) + " is not a known field: allowed " + new java.util.TreeSet<>(allowed));
                }
            }
            return this;
        }

        String path(String key) { return at.isEmpty() ? key : at + "." + key; }

        boolean has(String key) { return node.has(key); }

        boolean hasValue(String key) { return node.hasNonNull(key); }

        JsonNode require(String key) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) throw new IllegalArgumentException(path(key) + " is missing");
            return v;
        }

        Obj obj(String key, Set<String> allowed) { return new Obj(require(key), path(key), allowed); }

        String text(String key, String dflt) {
            JsonNode v = node.get(key);
            if (v == null || v.isNull()) {
                if (dflt == null) throw new IllegalArgumentException(path(key) + " is missing");
                return dflt;
            }
            if (!v.isTextual()) throw new IllegalArgumentException(path(key) + " must be a string, got " + v);
            return v.asText();
        }

        int integer(String key) {
            JsonNode v = require(key);
            if (!v.canConvertToInt() || !v.isIntegralNumber()) throw new IllegalArgumentException(path(key) + " must be an integer, got " + v);
            return v.asInt();
        }

        int integer(String key, int dflt) { return hasValue(key) ? integer(key) : dflt; }

        double real(String key, double dflt) {
            if (!hasValue(key)) return dflt;
            JsonNode v = node.get(key);
            if (!v.isNumber()) throw new IllegalArgumentException(path(key) + " must be a number, got " + v);
            return v.asDouble();
        }

        boolean bool(String key, boolean dflt) {
            if (!hasValue(key)) return dflt;
            JsonNode v = node.get(key);
            if (!v.isBoolean()) throw new IllegalArgumentException(path(key) + " must be true or false, got " + v);
            return v.asBoolean();
        }

        FixFormat format(String key, FixFormat dflt) {
            if (!hasValue(key)) {
                if (dflt == null) throw new IllegalArgumentException(path(key) + " is missing");
                return dflt;
            }
            try {
                return FixFormat.parse(text(key, null));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path(key) + ": " + e.getMessage());
            }
        }

        <E extends Enum<E>> E enumValue(String key, Class<E> type, E dflt) {
            if (!hasValue(key)) {
                if (dflt == null) throw new IllegalArgumentException(path(key) + " is missing");
                return dflt;
            }
            String t = text(key, null);
            for (E e : type.getEnumConstants()) if (e.name().equalsIgnoreCase(t)) return e;
            List<String> allowed = new ArrayList<>();
            for (E e : type.getEnumConstants()) allowed.add(e.name().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException(path(key) + " = '" + t + "' is not one of " + allowed);
        }
    }
}
