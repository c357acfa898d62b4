package dev.spindle.host;

/**
 * The accelerator's hardware counters (cycles of {@code axi_aclk}). Stall counts depend on the link's pace (a
 * simulated link with random gaps and back-pressure, a driver's descriptor timing), the others on the work alone.
 */
public record Counters(long busyCycles, long inferences, long stallIn, long stallOut, long lastLatency, long packets) {}
