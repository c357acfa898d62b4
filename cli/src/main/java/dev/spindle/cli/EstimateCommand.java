package dev.spindle.cli;

import dev.spindle.design.BuiltinDesigns;
import dev.spindle.design.ConfigParser;
import dev.spindle.estimate.DesignEstimate;
import dev.spindle.estimate.EstimateOptions;
import dev.spindle.estimate.HierarchyEstimate;
import dev.spindle.estimate.PerModuleEstimate;
import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.hdl.verilog.VerilogBackend;
import dev.spindle.hdl.verilog.VerilogOutput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code spindle estimate <design>|--class CLASS|transformer --arch FILE.json [--model WEIGHTS] [--set key=value]... [--json]}: an open resource estimate with Yosys
 * {@code synth_xilinx}: LUT, FF, DSP, BRAM (36 Kb tiles), URAM, carry cells and the logic depth in LUT levels. A transformer
 * (or any design with {@code --per-module}) is estimated module by module ({@link PerModuleEstimate}): a row per module and the totals.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, description = "Estimate FPGA resources with Yosys synth_xilinx.")
final class EstimateCommand implements Callable<Integer> {
    @Mixin DesignChoice design;

    @Mixin TransformerArch transformer;

    @Option(names = "--set", paramLabel = "key=value") List<String> settings = new ArrayList<>();

    @Option(names = "--json", description = "print one JSON object with the keys lut, ff, dsp, bram, uram, carry, depth") boolean json;

    @Option(names = "--per-module", description = "synthesise each distinct module once (submodules as black boxes) and print a row per module; "
            + "the default for transformer") boolean perModule;

    @Option(names = "--flat", description = "synthesise the whole design flattened in one run (the default except for transformer)") boolean flat;

    @Option(names = "--fast", description = "one generic Yosys run per module instead of synth_xilinx: depth as always, LUTs without "
            + "carry chains, DSPs and RAMs by rule (docs/transformer.md, Resources and logic depth)") boolean fast;

    @Option(names = "--family", paramLabel = "F", defaultValue = "xcup", description = "Yosys synth_xilinx family (default: xcup)")
    String family;

    @Override
    public Integer call() {
        VerilogOutput out;
        boolean isTransformer = transformer.chosen(design.name);
        if (perModule && flat) throw new IllegalArgumentException("--per-module and --flat: choose one");
        if (isTransformer) {
            var c = transformer.config(settings);
            transformer.weights(c, false);               // checked when given; the hardware depends on the description only
            out = VerilogBackend.emit(BuiltinDesigns.TRANSFORMER.elaborate(c));
        } else {
            try (DesignChoice.Chosen chosen = design.resolve()) {
                out = VerilogBackend.emit(chosen.design().elaborate(ConfigParser.settings(settings)));
            }
        }
        EstimateOptions options = EstimateOptions.defaults().withFamily(family).withFast(fast);
        if (perModule || isTransformer && !flat) {
            HierarchyEstimate h = PerModuleEstimate.of(out, options);
            System.out.println(json ? h.toJson() : h.toTable());
        } else {
            ResourceEstimate e = DesignEstimate.of(out, options);
            System.out.println(json ? e.toJson() : e.toTable());
        }
        return 0;
    }
}
