package dev.spindle.sweep;

import dev.spindle.estimate.DesignEstimate;
import dev.spindle.estimate.EstimateOptions;
import dev.spindle.estimate.ResourceEstimate;
import dev.spindle.hdl.verilog.VerilogOutput;

import java.util.Map;

/**
 * What a sweep needs of a design: its Verilog for a configuration (which also validates it) and a run of its own
 * testbench. {@link RegistryTarget} serves every design in the registry.
 */
public interface SweepTarget {
    /** @throws IllegalArgumentException for an invalid configuration, with the configuration's own message */
    VerilogOutput emit(String design, Map<String, String> settings);

    /** Simulates with the design's testbench; measures in a stable order (latency, throughput, error, mismatches...). */
    Measured simulate(String design, Map<String, String> settings, long seed);

    /** The resource estimate of a point's Verilog (default: {@link DesignEstimate} with the default options). */
    default ResourceEstimate estimate(String design, VerilogOutput verilog) {
        return DesignEstimate.of(verilog, EstimateOptions.defaults());
    }

    /** What a point's results depend on besides its settings and Verilog (data files' contents); "" when nothing. */
    default String dataKey(String design, Map<String, String> settings) { return ""; }

    /** Measures and the units of those that have one. */
    record Measured(Map<String, Number> measures, Map<String, String> units) {}
}
