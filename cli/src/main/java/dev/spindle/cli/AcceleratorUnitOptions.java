package dev.spindle.cli;

import dev.spindle.nn.top.AcceleratorTop;
import dev.spindle.nn.top.Accelerators;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * The unit an accelerator command wraps, shared by {@code run} and {@code emulate}: {@code <design>}, its
 * {@code --set key=value} settings (or {@code dataWidth}), and for the transformer {@code --arch FILE.json}
 * ({@code --model} is read by {@code run} only).
 */
final class AcceleratorUnitOptions {
    @Parameters(index = "0", paramLabel = "DESIGN", description = "the unit: softmax, dot or transformer (with --arch FILE.json)") String design;

    @Mixin TransformerArch transformer;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "a setting of the unit, or dataWidth (64, 128, 256, 512)") List<String> settings = new ArrayList<>();

    /** The accelerator top's configuration for this unit (the transformer's description file given as {@code arch}). */
    AcceleratorTop.Config config() { return Accelerators.config(design, transformer.unitSettings(design, settings)); }
}
