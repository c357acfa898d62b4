package dev.spindle.deploy;

/**
 * What a part offers, or what a design needs, in the units of {@code ResourceEstimate}: CLB LUTs, CLB
 * registers, DSP slices, block RAM in 36 Kb tiles, UltraRAM blocks.
 *
 * @param source where the figures come from (a data sheet and its table, or a product guide)
 */
public record Capacity(int lut, int ff, int dsp, double bram, int uram, String source) {
    public Capacity {
        if (lut < 0 || ff < 0 || dsp < 0 || bram < 0 || uram < 0) {
            throw new IllegalArgumentException("capacity figures must be >= 0: " + lut + " " + ff + " " + dsp + " " + bram + " " + uram);
        }
    }
}
