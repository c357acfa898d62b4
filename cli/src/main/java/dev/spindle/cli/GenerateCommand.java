package dev.spindle.cli;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.ConfigParser;
import dev.spindle.design.Design;
import dev.spindle.design.Designs;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spindle generate <design> [--set key=value]... -o DIR}, {@code spindle generate transformer --arch FILE.json
 * [--model WEIGHTS] [--set key=value]... -o DIR}, {@code spindle generate --class com.example.MyTop
 * [--classpath target/classes] [--set key=value]... -o DIR} and {@code spindle generate --list}.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Elaborate a design and write its Verilog and manifest.json.")
final class GenerateCommand implements Callable<Integer> {
    @Mixin DesignChoice design;

    @Mixin TransformerArch transformer;

    @Option(names = "--set", paramLabel = "key=value", description = "configuration setting (repeatable)")
    List<String> settings = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "output directory")
    Path output;

    @Option(names = "--list", description = "list the designs and their configuration keys")
    boolean list;

    @Override
    public Integer call() {
        if (list) {
            for (Design<?, ?> e : Designs.all()) {
                System.out.printf("%-10s %s%n           keys (defaults): %s%n", e.name(), e.description(),
                        e.name().equals(TransformerArch.DESIGN) ? "--arch FILE.json [--set path=value] (fields of the description)"
                                : e.defaults() == null ? "(none: set every key)" : String.join(" ", ConfigParser.describe(e.defaults())));
            }
            return 0;
        }
        if (!design.given()) throw new IllegalArgumentException("missing <design>: run spindle generate --list (or give --class CLASS)");
        if (output == null) throw new IllegalArgumentException("missing -o DIR");
        long start = System.nanoTime();
        VerilogOutput out;
        if (transformer.chosen(design.name)) {
            var c = transformer.config(settings);
            var w = transformer.weights(c, false);       // the hardware depends on the description only; checked when given
            out = VerilogBackend.emit(BuiltinDesigns.TRANSFORMER.elaborate(c));
            if (w != null) System.out.printf("spindle: %s loads %d weight words through io_weights%n", transformer.model, w.streamWords().length);
        } else {
            try (DesignChoice.Chosen chosen = design.resolve()) {
                out = VerilogBackend.emit(chosen.design().elaborate(ConfigParser.settings(settings)));
            }
        }
        Path[] files = out.writeTo(output);
        System.out.printf("spindle: generated %s (%d module%s) in %.2f s%n", out.top(), files.length, files.length == 1 ? "" : "s",
                (System.nanoTime() - start) / 1e9);
        for (Path f : files) System.out.println("  " + f);
        System.out.println("  " + output.resolve(VerilogOutput.MANIFEST_FILE));
        return 0;
    }
}
