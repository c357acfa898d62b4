package dev.spindle.cli;

import dev.spindle.design.ConfigParser;
import dev.spindle.modelfile.ArrayFile;
import dev.spindle.nn.transformer.TransformerConfig;
import dev.spindle.nn.transformer.TransformerJson;
import dev.spindle.nn.transformer.TransformerWeights;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of the {@code transformer} design on {@code generate}, {@code sim} and {@code estimate}:
 * {@code --arch FILE.json} (the description; {@code --set key=value} then overrides its fields by dotted path, e.g.
 * {@code defaults.parallelism=8} or {@code layers.2.parallelism=4}) and {@code --model WEIGHTS}.
 */
final class TransformerArch {
    static final String DESIGN = "transformer";

    @Option(names = "--arch", paramLabel = "FILE.json", description = "transformer: the architecture description")
    Path arch;

    @Option(names = "--model", paramLabel = "WEIGHTS", description = "transformer: weights (.npz or .safetensors)")
    Path model;

    /** Whether the command is about the transformer design; {@code --arch}/{@code --model} with another is an error. */
    boolean chosen(String design) {
        boolean t = DESIGN.equals(design);
        if (!t && (arch != null || model != null)) {
            throw new IllegalArgumentException("--arch/--model belong to the transformer design, not '" + design + "'");
        }
        if (t && arch == null) throw new IllegalArgumentException("the transformer design needs --arch FILE.json (e.g. examples/models/btag.json)");
        return t;
    }

    /** The accelerator top's unit settings: the {@code --set} pairs, and {@code arch=FILE} for the transformer. */
    java.util.Map<String, String> unitSettings(String design, List<String> settings) {
        java.util.Map<String, String> s = ConfigParser.settings(settings);
        if (chosen(design)) s.put("arch", arch.toString());
        return s;
    }

    /** The description with the {@code --set} overrides applied. */
    TransformerConfig config(List<String> settings) { return TransformerJson.read(arch, ConfigParser.settings(settings)); }

    /** The weights of {@code c} from {@code --model} (required when {@code required}); null when not given. */
    TransformerWeights weights(TransformerConfig c, boolean required) {
        if (model == null) {
            if (required) throw new IllegalArgumentException("missing --model WEIGHTS (.npz or .safetensors)");
            return null;
        }
        return TransformerWeights.load(c, ArrayFile.read(model));
    }
}
